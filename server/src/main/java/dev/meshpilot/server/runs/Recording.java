package dev.meshpilot.server.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.agents.catalog.AgentResult;
import dev.meshpilot.mesh.ledger.RecordedFinding;
import dev.meshpilot.mesh.ledger.RecordedRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A finished agent run as the ledger records it: the run (scope as the report names it, e.g. {@code mesh}),
 * the report's JSON, and its findings that carry a {@code fingerprint} (with {@code state}, {@code firstSeen},
 * {@code level}, {@code title}). An agent whose report has no fingerprinted findings is recorded without any.
 */
public record Recording(RecordedRun run, String reportJson, List<RecordedFinding> findings)
        implements dev.meshpilot.mesh.ledger.RunLedger.Recorded {
    public Recording {
        findings = List.copyOf(findings);
    }

    public static Recording of(
            String agent,
            String input,
            String principal,
            String trigger,
            Instant started,
            Instant finished,
            AgentResult<?> result) {
        ObjectNode json = result.json();
        String scope = json.path("scope").isTextual() ? json.path("scope").asText() : input;
        List<RecordedFinding> findings = new ArrayList<>();
        for (JsonNode f : json.path("findings")) {
            if (!f.path("fingerprint").isTextual()) {
                continue;
            }
            findings.add(new RecordedFinding(
                    f.path("fingerprint").asText(),
                    f.path("state").asText("new"),
                    f.path("firstSeen").isTextual()
                            ? Instant.parse(f.path("firstSeen").asText())
                            : started,
                    f.path("level").isTextual() ? f.path("level").asText() : null,
                    f.path("title").isTextual() ? f.path("title").asText() : null,
                    f.toString()));
        }
        RecordedRun run = new RecordedRun(null, agent, scope, principal, trigger, started, finished, result.headline());
        return new Recording(run, json.toString(), findings);
    }

    /**
     * This recording with the findings its agent called {@code new} but the latest recorded run of the same agent
     * and scope already had (and had not resolved) marked {@code persisting}, keeping their first sighting: an
     * agent that does not compare runs itself (anomalies) still notifies only what changed.
     */
    public Recording since(dev.meshpilot.mesh.ledger.RunLedger ledger) {
        java.util.Map<String, RecordedFinding> before = new java.util.HashMap<>();
        ledger.latest(run.agent(), run.scope())
                .ifPresent(prev -> ledger.findings(prev.id()).stream()
                        .filter(f -> !f.state().equals("resolved"))
                        .forEach(f -> before.put(f.fingerprint(), f)));
        List<RecordedFinding> out = new ArrayList<>();
        for (RecordedFinding f : findings) {
            RecordedFinding seen = before.get(f.fingerprint());
            out.add(
                    seen != null && f.state().equals("new")
                            ? new RecordedFinding(
                                    f.fingerprint(), "persisting", seen.firstSeen(), f.level(), f.title(), f.json())
                            : f);
        }
        return new Recording(run, reportJson, out);
    }

    /** Findings of this run that are new (or reopened). */
    public List<RecordedFinding> fresh() {
        return findings.stream()
                .filter(f -> f.state().equals("new") || f.state().equals("reopened"))
                .toList();
    }

    /** The report's {@code resolved} list (findings of the previous run that are gone). */
    public List<JsonNode> resolved() {
        List<JsonNode> out = new ArrayList<>();
        try {
            com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
            m.readTree(reportJson).path("resolved").forEach(out::add);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
