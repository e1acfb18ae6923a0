package dev.meshpilot.server.cli;

import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.sandbox.principal.Principal;
import dev.meshpilot.server.chat.ChatReply;
import dev.meshpilot.server.chat.ChatService;
import dev.meshpilot.server.chat.ChatText;
import dev.meshpilot.server.chat.Drafts;
import dev.meshpilot.server.chat.Mentions;
import dev.meshpilot.server.chat.WorkspaceFiles;
import dev.meshpilot.server.chat.slack.SlackBlocks;
import dev.meshpilot.server.wiring.Sandbox;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code meshpilot chat --as alice triage INC-1001}: what chat answers to a slash command or a mention, here on the
 * terminal — as text, or ({@code --format json}) as the Slack message with its Block Kit blocks — through the same
 * chat core, runner and gate as {@code /slack/*}. For previews, docs and trying commands before installing the app.
 */
@Command(
        name = "chat",
        mixinStandardHelpOptions = true,
        description = "Answer a chat command or mention as a principal, as Slack would show it (text, or --format json "
                + "for the Block Kit message). Quote text that has options: \"migrate X --to FILE\".")
final class ChatPreviewCommand extends StoreCommand {
    @Option(names = "--as", required = true, paramLabel = "PRINCIPAL", description = "Whom chat acts for.")
    String principal;

    @Option(
            names = "--workspace",
            paramLabel = "DIR",
            description = "The folder `migrate ... --to PATH` may read from (chat.workspace on a server).")
    Path workspace;

    @Option(names = "--mention", description = "Read the text as a free-text mention (the agent picked from it).")
    boolean mention;

    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "What is typed after /meshpilot, or a mention.")
    List<String> words;

    @Override
    public Integer call() {
        MeshStore store = home.openStore();
        try (Sandbox sandbox = Sandbox.open(home.home(), store)) {
            Principal p = sandbox.principals().resolve(principal);
            ChatService chat = new ChatService(sandbox, Optional.empty(), new WorkspaceFiles(workspace), new Drafts());
            String text = String.join(" ", words);
            var command = mention
                    ? new Mentions(
                                    chat.commands(),
                                    new dev.meshpilot.mesh.product.Products(store)
                                            .list().stream()
                                                    .map(dev.meshpilot.mesh.product.DataProduct::id)
                                                    .toList())
                            .parse(text)
                    : chat.commands().parse(text);
            ChatReply reply = chat.answer(p, command);
            if (format == Format.json) {
                Output.json(out(), SlackBlocks.message(reply, chat.commands(), false));
            } else {
                out().print(ChatText.render(reply.blocks()));
            }
            out().flush();
            return reply.ok() ? 0 : 2;
        }
    }
}
