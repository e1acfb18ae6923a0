package dev.meshpilot.agents.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** A model's answer is bounded by the report schema: long texts are cut and the cut is stated. */
class AnswerBoundsTest {

    @Test
    void should_cut_texts_to_the_schemas_max_length_through_refs_and_arrays_and_say_so() throws Exception {
        JsonNode schema = AgentRun.json().readTree("""
                {"properties": {"summary": {"type": "string", "maxLength": 50},
                                "causes": {"type": "array", "items": {"$ref": "#/$defs/cause"}}},
                 "$defs": {"cause": {"properties": {"summary": {"type": "string", "maxLength": 30}}}}}""");
        ObjectNode answer =
                (ObjectNode) AgentRun.json().readTree("""
                {"summary": "%s", "causes": [{"summary": "%s"}], "other": "%s"}""".formatted("s".repeat(80), "c".repeat(31), "o".repeat(5000)));

        var notes = new AnswerBounds(schema).cap(answer);

        assertThat(answer.get("summary").asText()).hasSize(50).endsWith(AnswerBounds.MARK);
        assertThat(answer.at("/causes/0/summary").asText()).hasSize(30);
        assertThat(answer.get("other").asText()).hasSize(AnswerBounds.DEFAULT_TEXT_CHARS);
        assertThat(notes)
                .containsExactly(
                        "the model's summary was cut to 50 of its 80 characters (the report schema's limit)",
                        "the model's causes[0].summary was cut to 30 of its 31 characters (the report schema's limit)",
                        "the model's other was cut to 4,000 of its 5,000 characters (the report schema's limit)");
    }

    @Test
    void should_refuse_an_answer_over_the_size_limit_unread() {
        assertThat(AnswerBounds.oversized("x".repeat(AnswerBounds.MAX_ANSWER_CHARS)))
                .isNull();
        assertThat(AnswerBounds.oversized("x".repeat(AnswerBounds.MAX_ANSWER_CHARS + 1)))
                .contains("200,001 characters, over the limit of 200,000");
    }
}
