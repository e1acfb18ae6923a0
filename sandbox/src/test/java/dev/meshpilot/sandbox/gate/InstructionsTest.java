package dev.meshpilot.sandbox.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The instruction-like text detector on the shared injection corpus, and on ordinary mesh text. */
class InstructionsTest {
    /** The detection rate measured when the detector was written (see docs/sandbox.md); it must not drop. */
    static final double FLOOR = 0.90;

    @Test
    void should_flag_most_of_the_injection_corpus() throws Exception {
        Path corpus = Path.of(
                System.getProperty("meshpilot.standards", "../../shared/standards"),
                "injection",
                "injection_cases.jsonl");
        Assumptions.assumeTrue(
                Files.isRegularFile(corpus), "shared standards folder not found at " + corpus + ": skipping");
        ObjectMapper json = new ObjectMapper();
        List<String> lines =
                Files.readAllLines(corpus).stream().filter(l -> !l.isBlank()).toList();
        long flagged = 0;
        for (String line : lines) {
            var node = json.readTree(line);
            String text = node.has("text")
                    ? node.get("text").asText()
                    : node.has("payload")
                            ? node.get("payload").asText()
                            : node.has("prompt") ? node.get("prompt").asText() : node.toString();
            flagged += Instructions.suspicious(text) ? 1 : 0;
        }
        double rate = (double) flagged / lines.size();
        System.out.printf("injection corpus: %d of %d flagged (%.1f%%)%n", flagged, lines.size(), 100 * rate);
        assertThat(rate).isGreaterThanOrEqualTo(FLOOR);
    }

    @Test
    void should_not_flag_ordinary_descriptions_and_error_messages() {
        List<String> ordinary = List.of(
                "Daily orders, one row per order, deduplicated and enriched with the customer segment.",
                "Column card_number (STRING) is not in contract payments.transactions 1.0.0; the load was refused.",
                "java.sql.SQLException: ORA-01555 snapshot too old: rollback segment number 12 too small",
                "Run the backfill for the missing partition, then re-run the downstream revenue job.",
                "Freshness SLO: updated hourly by 10 minutes past the hour.",
                "Check the upstream job's last run in Airflow and compare the row counts with yesterday.",
                "Refunds are deduplicated on refund_id before they are netted against transactions.",
                "Quota exceeded for quota metric 'Query usage' and limit 'Query usage per day'.",
                "Email addresses are validated at sign-up; null when the customer signed up in a store.",
                "If the check fails, page the on-call of the payments team and post in #payments-data.");

        assertThat(ordinary).noneMatch(Instructions::suspicious);
    }
}
