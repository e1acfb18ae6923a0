package dev.meshpilot.server.chat.slack;

import dev.meshpilot.agents.model.ModelConfig;
import dev.meshpilot.mesh.org.Directory;
import dev.meshpilot.mesh.product.DataProduct;
import dev.meshpilot.mesh.product.Products;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.server.chat.ChatIdentity;
import dev.meshpilot.server.chat.ChatService;
import dev.meshpilot.server.chat.Drafts;
import dev.meshpilot.server.chat.Mentions;
import dev.meshpilot.server.chat.Threads;
import dev.meshpilot.server.chat.WorkspaceFiles;
import dev.meshpilot.server.config.ChatSettings;
import dev.meshpilot.server.wiring.Sandbox;
import io.helidon.webserver.http.HttpRouting;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;

/**
 * Slack on {@code meshpilot serve}: the {@code /slack/*} endpoints over one chat service, identity and Web API
 * client, and the notifier that posts scheduled runs' news to the owning teams' channels. Open it only when
 * {@link ChatSettings#enabled()}; without a signing secret nothing is registered and {@code /slack/*} answer 404.
 *
 * <pre>{@code
 * try (SlackChat slack = SlackChat.open(settings, sandbox, store, Optional.empty(), Clock.systemUTC())) {
 *     slack.register(routing);
 * }
 * }</pre>
 *
 * <p>Thread-safe. Closing lets answers in flight finish for a while, then interrupts them (each undelivered answer
 * is logged).
 */
public final class SlackChat implements dev.meshpilot.server.http.HttpServing.Routes {
    /** Where the endpoints are served. */
    public static final String PATH = "/slack";

    private final SlackEndpoint endpoint;
    private final SlackConversation conversation;
    private final SlackNotifier notifier;

    private SlackChat(SlackEndpoint endpoint, SlackConversation conversation, SlackNotifier notifier) {
        this.endpoint = endpoint;
        this.conversation = conversation;
        this.notifier = notifier;
    }

    /**
     * @throws IllegalStateException when {@code settings} has no signing secret
     * @throws dev.meshpilot.core.MeshpilotException ({@code not_found}) when {@code chat.readOnlyPrincipal} names no
     *     principal of the loaded workspace
     */
    public static SlackChat open(
            ChatSettings settings, Sandbox sandbox, MeshStore store, Optional<ModelConfig> model, Clock clock) {
        if (!settings.enabled()) {
            throw new IllegalStateException("chat is off: no signing secret");
        }
        if (settings.workspace() != null && !java.nio.file.Files.isDirectory(settings.workspace())) {
            throw new dev.meshpilot.core.MeshpilotException(
                    dev.meshpilot.core.ErrorCode.USAGE,
                    "chat.workspace " + settings.workspace() + " is not a folder: name the workspace checkout that "
                            + "`migrate ... --to PATH` may read proposed contracts from, or remove chat.workspace");
        }
        ChatAudit audit = new ChatAudit(sandbox.audit());
        SlackApi api =
                new SlackApi(settings.apiUrl(), settings.botToken(), settings.responseHosts(), Duration.ofSeconds(10));
        ChatService chat = new ChatService(sandbox, model, new WorkspaceFiles(settings.workspace()), new Drafts());
        // looked up while Slack waits for the acknowledgement: one quick attempt, no retry
        SlackApi lookups = new SlackApi(
                settings.apiUrl(), settings.botToken(), settings.responseHosts(), Duration.ofMillis(1500), 1);
        SlackEmails emails = new SlackEmails(lookups, audit, clock);
        ChatIdentity identity = new ChatIdentity(
                new Directory(store),
                sandbox.principals(),
                settings.readOnlyPrincipal(),
                settings.matchEmail() ? emails::of : null);
        // made per mention, so the scopes it knows follow the loaded workspace
        java.util.function.Supplier<Mentions> mentions = () -> new Mentions(
                chat.commands(),
                new Products(store).list().stream().map(DataProduct::id).toList());
        Delivery delivery = new Delivery(
                chat, api, audit, new Threads(), model.isPresent(), new SlackFiles(api, settings.fileHosts(), audit));
        SlackConversation conversation = new SlackConversation(
                identity,
                mentions,
                delivery,
                new Actions(delivery, audit),
                audit,
                Executors.newThreadPerTaskExecutor(
                        Thread.ofVirtual().name("slack-", 0).factory()));
        Duration keep = SlackSignature.WINDOW.multipliedBy(2);
        SlackEndpoint endpoint = new SlackEndpoint(
                new SlackSignature(settings.signingSecret(), clock),
                new ReplayCache(clock, keep),
                new ReplayCache(clock, Duration.ofHours(1)),
                audit,
                conversation,
                settings.maxBodyBytes());
        return new SlackChat(endpoint, conversation, new SlackNotifier(api, audit, settings.channel()));
    }

    @Override
    public void register(HttpRouting.Builder routing) {
        routing.register(PATH, endpoint);
    }

    /** Posts scheduled runs' new and resolved findings to the owning teams' channels. */
    public SlackNotifier notifier() {
        return notifier;
    }

    @Override
    public void close() {
        conversation.close();
    }
}
