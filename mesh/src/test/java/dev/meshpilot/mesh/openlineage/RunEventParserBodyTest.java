package dev.meshpilot.mesh.openlineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.core.MeshpilotException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bodies as a whole: canonical form and digest, one event or an array, not JSON or not a RunEvent. */
class RunEventParserBodyTest {
    private static final UUID RUN = UUID.fromString("0192963f-f6f8-71c0-8380-500bc70883ee");

    private static ObjectNode valid() {
        ObjectNode e = Events.event("COMPLETE", "2026-11-25T09:00:00Z", RUN, "airflow", "payments.daily");
        Events.dataset(e, "outputs", "bigquery", "acme.payments.transactions");
        return e;
    }

    @Test
    void should_give_the_same_digest_when_only_key_order_and_whitespace_differ() {
        String a = "{\"eventTime\":\"2026-11-25T09:00:00Z\",\"run\":{\"runId\":\"" + RUN + "\"},"
                + "\"job\":{\"namespace\":\"n\",\"name\":\"j\"},\"eventType\":\"START\"}";
        String b = "{ \"eventType\": \"START\",\n \"job\": {\"name\": \"j\", \"namespace\": \"n\"},\n"
                + "  \"run\": {\"runId\": \"" + RUN + "\"}, \"eventTime\": \"2026-11-25T09:00:00Z\" }";
        String c = a.replace("START", "COMPLETE");
        assertThat(RunEventParser.parse(a).digest())
                .isEqualTo(RunEventParser.parse(b).digest());
        assertThat(RunEventParser.parse(a).json())
                .isEqualTo(RunEventParser.parse(b).json());
        assertThat(RunEventParser.parse(c).digest())
                .isNotEqualTo(RunEventParser.parse(a).digest());
    }

    @Test
    void should_parse_arrays_only_with_parse_all_when_the_body_holds_several_events() {
        String two = "[" + valid() + "," + valid().put("eventType", "START") + "]";
        assertThat(RunEventParser.parseAll(two)).hasSize(2);
        assertThat(RunEventParser.parseAll(valid().toString())).hasSize(1);
        assertThatThrownBy(() -> RunEventParser.parse(two)).hasMessageContaining("got an array");
        String oneBad = "[" + valid() + "," + valid().put("eventType", "NOPE") + "]";
        assertThatThrownBy(() -> RunEventParser.parseAll(oneBad))
                .isInstanceOfSatisfying(
                        MeshpilotException.class,
                        ex -> assertThat(ex.details())
                                .singleElement()
                                .asString()
                                .startsWith("[1].eventType: expected one of"));
    }

    @Test
    void should_say_so_when_the_body_is_not_json_or_not_a_run_event() {
        assertThatThrownBy(() -> RunEventParser.parse("{\"eventType\": "))
                .isInstanceOf(MeshpilotException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> RunEventParser.parse("{\"eventTime\":\"2026-11-25T09:00:00Z\",\"dataset\":{}}"))
                .hasMessageContaining("only RunEvents are accepted");
        assertThatThrownBy(() -> RunEventParser.parse("42")).hasMessageContaining("expected a JSON object");
    }
}
