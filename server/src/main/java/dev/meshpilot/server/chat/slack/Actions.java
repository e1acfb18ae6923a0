package dev.meshpilot.server.chat.slack;

import dev.meshpilot.sandbox.principal.Principal;
import dev.meshpilot.server.chat.ChatCommand;
import dev.meshpilot.server.chat.ChatReply;
import dev.meshpilot.server.chat.ChatRequest;
import java.util.Optional;

/**
 * The buttons under an answer, each acting as the person who pressed it (never as the one who asked): {@code ack}
 * (acknowledge the incident), {@code full} (the full report, run again with the presser's grants), {@code
 * rerun_llm} (again with the configured model) and {@code approve} (a draft, bound to its hash; not by the one who
 * asked for it, nor by a read-only principal) and {@code open_incident} (a finding without an incident, opened in
 * the store if the presser holds {@code incidents:write} on its product; pressed twice, still one incident). A button's value is parsed like typed text, so a forged one is
 * refused the same way. Every press is audited. Thread-safe.
 */
final class Actions {
    /** The action id of the open-as-an-incident buttons, numbered {@code _1}, {@code _2} under one answer. */
    static final String OPEN_INCIDENT = "open_incident";

    private final Delivery delivery;
    private final ChatAudit audit;

    Actions(Delivery delivery, ChatAudit audit) {
        this.delivery = delivery;
        this.audit = audit;
    }

    void run(ChatRequest req, Principal p, boolean mapped, String action, String value) {
        String shown = BlockKit.escape(BlockKit.clip(value, 100));
        switch (action.matches(OPEN_INCIDENT + "_[0-9]{1,2}") ? OPEN_INCIDENT : action) {
            case "ack" -> {
                audit.accepted(p.id(), "slack action ack", value);
                delivery.post(
                        req,
                        SlackMessages.say("✅ <@" + req.user() + "> (" + p.id() + ") acknowledged " + shown),
                        p.id());
            }
            case "full", "rerun_llm" -> {
                ChatCommand c = delivery.commands().parse(action.equals("full") ? value : value + " --llm");
                if (!(c instanceof ChatCommand.Run run)) {
                    refuse(req, p, action, "that button does not name a command I can run");
                    return;
                }
                audit.accepted(p.id(), "slack action " + action, value);
                if (action.equals("rerun_llm")) {
                    delivery.answer(req, p, run, null);
                } else {
                    ChatReply reply = delivery.answerNow(p, run);
                    delivery.post(req, SlackMessages.full(reply, delivery.commands()), p.id());
                }
            }
            case "approve" -> approve(req, p, mapped, value);
            case "open_incident" -> openIncident(req, p, value);
            default -> refuse(req, p, action, "unknown action");
        }
    }

    private void approve(ChatRequest req, Principal p, boolean mapped, String hash) {
        if (!mapped) {
            refuse(req, p, "approve", "a read-only chat principal cannot approve drafts: link your Slack account");
            return;
        }
        Optional<String> refusal = delivery.chat().drafts().approve(hash, p.id());
        if (refusal.isPresent()) {
            refuse(req, p, "approve", refusal.get());
            return;
        }
        audit.accepted(p.id(), "slack action approve", "draft sha256 " + hash);
        delivery.post(
                req,
                SlackMessages.say("👍 <@" + req.user() + "> (" + p.id() + ") approved draft `"
                        + BlockKit.clip(hash, 12) + "` (sha256 of the exact draft). Meshpilot applies nothing: "
                        + "the owners carry it out."),
                p.id());
    }

    private void openIncident(ChatRequest req, Principal p, String value) {
        ChatReply r = delivery.chat().openIncident(p, value);
        if (!r.ok()) {
            refuse(req, p, "open_incident", r.text());
            return;
        }
        audit.accepted(p.id(), "slack action open_incident", r.text());
        delivery.post(
                req,
                SlackMessages.say("🚨 <@" + req.user() + "> (" + p.id() + ") " + BlockKit.escape(r.text())
                        + ". `incident " + r.incident() + "` shows it, `triage " + r.incident() + "` triages it."),
                p.id());
    }

    private void refuse(ChatRequest req, Principal p, String action, String reason) {
        audit.denied(p.id(), "slack action " + action, reason);
        delivery.post(req, SlackMessages.say("🚫 " + BlockKit.escape(reason)), p.id());
    }
}
