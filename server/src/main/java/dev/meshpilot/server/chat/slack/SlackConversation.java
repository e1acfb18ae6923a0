package dev.meshpilot.server.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.sandbox.principal.Principal;
import dev.meshpilot.server.chat.ChatCommand;
import dev.meshpilot.server.chat.ChatIdentity;
import dev.meshpilot.server.chat.ChatRequest;
import dev.meshpilot.server.chat.Mentions;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * What happens after a Slack request is verified: the Slack user is mapped to a principal (an unmapped one gets a
 * polite refusal, audited), the text is parsed (help and refusals are answered in the acknowledgement), and
 * anything that runs is acknowledged at once and answered on a worker thread by {@link Delivery}. Thread-safe.
 */
final class SlackConversation implements AutoCloseable {
    static final java.time.Duration DRAIN = java.time.Duration.ofSeconds(20);

    private final ChatIdentity identity;
    private final java.util.function.Supplier<Mentions> mentions;
    private final Delivery delivery;
    private final Actions actions;
    private final ChatAudit audit;
    private final ExecutorService workers;

    SlackConversation(
            ChatIdentity identity,
            java.util.function.Supplier<Mentions> mentions,
            Delivery delivery,
            Actions actions,
            ChatAudit audit,
            ExecutorService workers) {
        this.identity = identity;
        this.mentions = mentions;
        this.delivery = delivery;
        this.actions = actions;
        this.audit = audit;
        this.workers = workers;
    }

    /** A slash command: {@code /meshpilot triage INC-1001}. */
    void command(Map<String, String> form, ServerResponse res) {
        String user = form.getOrDefault("user_id", "");
        String text = form.getOrDefault("text", "");
        URI responseUrl = uri(form.get("response_url"));
        if (form.get("response_url") != null && (responseUrl == null || !delivery.allowed(responseUrl))) {
            audit.refused("/slack/commands", 400, "response_url outside MESHPILOT_SLACK_RESPONSE_HOSTS");
            res.status(Status.BAD_REQUEST_400).send("response_url host not allowed");
            return;
        }
        Optional<Principal> p = identity.principal(user);
        if (p.isEmpty()) {
            unmapped(user, "/meshpilot " + clip(text));
            ack(res, notLinked(user));
            return;
        }
        ChatCommand command = delivery.commands().parse(text);
        audit.accepted(p.get().id(), "slack /meshpilot", clip(text));
        if (command instanceof ChatCommand.Help || command instanceof ChatCommand.Refused) {
            ack(res, delivery.brief(p.get(), command));
            return;
        }
        if (responseUrl == null && !delivery.canPost()) {
            ack(
                    res,
                    "I have no way to post the answer: this request has no response_url and the server no bot token "
                            + "(SLACK_BOT_TOKEN). Ask a Meshpilot admin to set it.");
            return;
        }
        ack(res, "⏳ " + Delivery.label(command) + " as " + p.get().id() + "…");
        ChatRequest req =
                new ChatRequest(user, form.getOrDefault("channel_id", ""), null, text, form.get("response_url"));
        submit(user, "/meshpilot " + clip(text), () -> delivery.answer(req, p.get(), command, responseUrl));
    }

    /** An Events API event: a mention of the app, or a message in a thread Meshpilot started. */
    void event(JsonNode e, ServerResponse res) {
        res.status(Status.OK_200).send();
        if (e.has("bot_id") || (e.has("subtype") && !e.path("subtype").asText().equals("file_share"))) {
            return; // never answer a bot (ourselves included): no loops; a message sharing a file is a message
        }
        String type = e.path("type").asText();
        String channel = e.path("channel").asText("");
        String thread = e.path("thread_ts").asText(null);
        boolean followUp = type.equals("message") && delivery.threads().isOurs(channel, thread);
        if (!type.equals("app_mention") && !followUp) {
            return;
        }
        String user = e.path("user").asText("");
        String text = e.path("text").asText("");
        ChatRequest req = new ChatRequest(
                user, channel, thread != null ? thread : e.path("ts").asText(null), text);
        submit(user, type, () -> {
            Optional<Principal> p = identity.principal(user);
            if (p.isEmpty()) {
                unmapped(user, type + " " + clip(text));
                delivery.post(req, notLinked(user));
                return;
            }
            String file = e.path("files").path(0).path("id").asText(null);
            ChatCommand command = mentions.get().parse(text, file);
            audit.accepted(p.get().id(), "slack " + type, clip(text));
            if (command instanceof ChatCommand.Help || command instanceof ChatCommand.Refused) {
                delivery.post(req, delivery.brief(p.get(), command));
            } else {
                delivery.answer(req, p.get(), command, null);
            }
        });
    }

    /** A button press ({@code block_actions}). */
    void action(JsonNode payload, ServerResponse res) {
        res.status(Status.OK_200).send();
        if (!payload.path("type").asText().equals("block_actions")
                || !payload.path("actions").has(0)) {
            return;
        }
        String user = payload.path("user").path("id").asText("");
        String channel = payload.path("channel").path("id").asText("");
        JsonNode message = payload.path("message");
        String ts = payload.path("container")
                .path("message_ts")
                .asText(message.path("ts").asText(null));
        String thread = message.path("thread_ts").asText(ts);
        String replyTo = payload.path("response_url").asText(null);
        ChatRequest req = new ChatRequest(user, channel, thread, "", replyTo);
        JsonNode action = payload.path("actions").get(0);
        submit(user, "action " + action.path("action_id").asText(), () -> {
            Optional<Principal> p = identity.principal(user);
            if (p.isEmpty()) {
                unmapped(user, "action " + action.path("action_id").asText());
                delivery.post(req, notLinked(user));
                return;
            }
            actions.run(
                    req,
                    p.get(),
                    identity.mapped(user),
                    action.path("action_id").asText(),
                    action.path("value").asText(""));
        });
    }

    /** Runs {@code work} on a worker; whatever it throws is logged and audited, never lost. */
    private void submit(String user, String what, Runnable work) {
        workers.execute(() -> {
            try {
                work.run();
            } catch (Throwable e) {
                audit.undelivered(
                        "slack:" + clip(user),
                        null,
                        "slack " + what,
                        e.getClass().getSimpleName() + ": " + e.getMessage());
                java.util.logging.Logger.getLogger(SlackConversation.class.getName())
                        .log(java.util.logging.Level.SEVERE, "slack: " + what + " failed", e);
            }
        });
    }

    private void unmapped(String user, String what) {
        audit.denied("slack:" + clip(user), "slack " + what, "Slack user not mapped to a principal");
    }

    static String notLinked(String user) {
        return "Sorry <@" + user.replaceAll("[^A-Z0-9]", "") + ">, your Slack account is not linked to a Meshpilot "
                + "principal, so I cannot act for you. Ask a Meshpilot admin to add `slack: "
                + user.replaceAll("[^A-Z0-9]", "") + "` to your principal in meshpilot.yaml and reload the workspace.";
    }

    private static void ack(ServerResponse res, String mrkdwn) {
        ObjectNode m = SlackMessages.say(mrkdwn).put("response_type", "ephemeral");
        res.status(Status.OK_200)
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .send(m.toString());
    }

    private static URI uri(String s) {
        try {
            return s == null ? null : URI.create(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String clip(String s) {
        return BlockKit.clip(s.replaceAll("\\p{Cntrl}", " "), 300);
    }

    /** Lets answers in flight finish (up to {@link #DRAIN}), then interrupts what is left. */
    @Override
    public void close() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(DRAIN.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
