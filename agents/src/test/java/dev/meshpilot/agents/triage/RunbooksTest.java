package dev.meshpilot.agents.triage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunbooksTest {
    @Test
    void should_read_list_items_with_their_continuation_lines() {
        String body = """
                # Steps

                1. **Confirm** the change. Read the error
                   and compare the schemas.
                2. Classify the column.

                - a bullet
                  that goes on
                Not a step.
                """;
        assertThat(Runbooks.steps(body, 10))
                .containsExactly(
                        "Confirm the change. Read the error and compare the schemas.",
                        "Classify the column.",
                        "a bullet that goes on");
        assertThat(Runbooks.steps(body, 2)).hasSize(2);
    }
}
