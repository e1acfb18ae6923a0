package dev.meshpilot.server.chat.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.sandbox.principal.Principal;
import dev.meshpilot.server.chat.ChatCommand;
import dev.meshpilot.server.chat.ChatReply;
import dev.meshpilot.server.chat.ChatRequest;
import dev.meshpilot.server.chat.ChatService;
import dev.meshpilot.server.chat.Commands;
import dev.meshpilot.server.chat.Threads;
import java.net.URI;
import java.util.concurrent.Semaphore;

/**
 * Runs a command and posts its answer: with a bot token, a placeholder ({@code chat.postMessage}, in the incident's
 * thread when there is one) that {@code chat.update} replaces with the answer; without one, or when the placeholder
 * could not be posted, through the command's {@code response_url}. A call that fails after its retries is logged
 * and audited ({@link ChatAudit#undelivered}), and the next way is tried. At most {@value #CONCURRENT} answers run
 * at once. Thread-safe.
 */
final class Delivery {
    static final int CONCURRENT = 4;
    /** How often a placeholder says how long its answer has been running. */
    static final java.time.Duration PROGRESS = java.time.Duration.ofSeconds(15);

    private final ChatService chat;
    private final SlackApi api;
    private final ChatAudit audit;
    private final Threads threads;
    private final boolean model;
    private final dev.meshpilot.server.chat.SharedFiles files;
    private final Semaphore running = new Semaphore(CONCURRENT);

    Delivery(ChatService chat, SlackApi api, ChatAudit audit, Threads threads, boolean model) {
        this(chat, api, audit, threads, model, dev.meshpilot.server.chat.SharedFiles.NONE);
    }

    /** With {@code files}: where {@code file:ID} in a command is read from (files shared in Slack). */
    Delivery(
            ChatService chat,
            SlackApi api,
            ChatAudit audit,
            Threads threads,
            boolean model,
            dev.meshpilot.server.chat.SharedFiles files) {
        this.files = files;
        this.chat = chat;
        this.api = api;
        this.audit = audit;
        this.threads = threads;
        this.model = model;
    }

    Commands commands() {
        return chat.commands();
    }

    Threads threads() {
        return threads;
    }

    ChatService chat() {
        return chat;
    }

    /** Answers {@code command} for {@code p} at once (no placeholder), reading shared files it names. */
    ChatReply answerNow(Principal p, ChatCommand command) {
        return chat.answer(p, command, files);
    }

    /** Whether answers can be posted without a response_url (a bot token is set). */
    boolean canPost() {
        return api.hasToken();
    }

    boolean allowed(URI url) {
        return api.allowed(url);
    }

    /** The answer to help or a refusal, in words (no agent runs). */
    String brief(Principal p, ChatCommand command) {
        return chat.answer(p, command).text();
    }

    static String label(ChatCommand c) {
        return switch (c) {
            case ChatCommand.Run r ->
                "running `" + r.agent()
                        + (r.inputs().isEmpty()
                                ? ""
                                : " "
                                        + String.join(
                                                " ",
                                                r.inputs().values().stream()
                                                        .filter(v -> v.length() <= 100)
                                                        .toList()))
                        + "`" + (r.llm() ? " with the model" : "");
            case ChatCommand.Search s -> "searching";
            case ChatCommand.Incident i -> "looking up " + i.id();
            default -> "answering";
        };
    }

    /** Answers {@code command} for {@code p} in the request's channel (and thread), as the class says. */
    void answer(ChatRequest req, Principal p, ChatCommand command, URI responseUrl) {
        String incident = incidentOf(command);
        String thread = req.thread() != null
                ? req.thread()
                : threads.of(req.channel(), incident).orElse(null);
        String placeholder = null;
        if (api.hasToken()) {
            ObjectNode wait = SlackMessages.say("⏳ " + BlockKit.escape(label(command)) + " for <@" + req.user() + ">…");
            SlackApi.Outcome o = api.call("chat.postMessage", at(wait, req.channel(), thread));
            if (o.ok()) {
                placeholder = o.ts();
                threads.started(req.channel(), thread == null ? placeholder : thread, incident);
            } else {
                audit.undelivered(p.id(), null, "slack chat.postMessage", o.error());
            }
        }
        ChatReply reply;
        ProgressTicker progress =
                placeholder == null ? null : new ProgressTicker(api, req, placeholder, label(command), PROGRESS);
        running.acquireUninterruptibly();
        try {
            reply = chat.answer(p, command, files);
        } finally {
            running.release();
            if (progress != null) {
                progress.stop();
            }
        }
        ObjectNode msg = SlackMessages.reply(reply, req.user(), model, chat.commands());
        if (placeholder != null) {
            SlackApi.Outcome o = api.call(
                    "chat.update", at(msg.deepCopy(), req.channel(), null).put("ts", placeholder));
            if (o.ok()) {
                return;
            }
            audit.undelivered(p.id(), reply.runId(), "slack chat.update", o.error());
            SlackApi.Outcome again = api.call(
                    "chat.postMessage", at(msg.deepCopy(), req.channel(), thread == null ? placeholder : thread));
            if (again.ok()) {
                return;
            }
            audit.undelivered(p.id(), reply.runId(), "slack chat.postMessage", again.error());
        }
        if (responseUrl != null) {
            SlackApi.Outcome o = api.respond(responseUrl, msg.put("response_type", "in_channel"));
            if (!o.ok()) {
                audit.undelivered(p.id(), reply.runId(), "slack response_url", o.error());
            }
        } else if (!api.hasToken()) {
            audit.undelivered(p.id(), reply.runId(), "slack reply", "no bot token and no response_url to answer with");
        }
    }

    /** Posts a short message in the request's thread (bot token needed; else logged and audited). */
    void post(ChatRequest req, String mrkdwn) {
        post(req, SlackMessages.say(mrkdwn), "slack:" + req.user());
    }

    /** Posts in the request's thread; without a bot token, or when that fails, to the request's reply target. */
    void post(ChatRequest req, ObjectNode msg, String principal) {
        if (api.hasToken()) {
            SlackApi.Outcome o = api.call("chat.postMessage", at(msg.deepCopy(), req.channel(), req.thread()));
            if (o.ok()) {
                return;
            }
            audit.undelivered(principal, null, "slack chat.postMessage", o.error());
        }
        URI replyTo = uri(req.replyTo());
        if (replyTo == null) {
            if (!api.hasToken()) {
                audit.undelivered(principal, null, "slack reply", "no bot token and no response_url to answer with");
            }
            return;
        }
        SlackApi.Outcome o =
                api.respond(replyTo, msg.put("response_type", "in_channel").put("replace_original", false));
        if (!o.ok()) {
            audit.undelivered(principal, null, "slack response_url", o.error());
        }
    }

    static URI uri(String s) {
        try {
            return s == null ? null : URI.create(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ObjectNode at(ObjectNode msg, String channel, String thread) {
        msg.put("channel", channel);
        if (thread != null) {
            msg.put("thread_ts", thread);
        }
        return msg;
    }

    private static String incidentOf(ChatCommand c) {
        return switch (c) {
            case ChatCommand.Run r when r.agent().equals("triage") -> r.inputs().get("incident");
            case ChatCommand.Incident i -> i.id();
            default -> null;
        };
    }
}
