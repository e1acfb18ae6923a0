package dev.meshpilot.sandbox.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BudgetTest {
    static final long SECOND = 1_000_000_000L;

    @Test
    void should_refuse_calls_over_the_minute_limit_and_allow_them_again_a_minute_later() {
        Budget budget = new Budget(new Limits(1000, 3, Duration.ofSeconds(1), 10, 1024));
        long t = 5 * SECOND;
        for (int i = 0; i < 3; i++) {
            assertThat(budget.take("ana", "run-" + i, t + i * SECOND)).isNull();
        }

        assertThat(budget.take("ana", "run-9", t + 10 * SECOND))
                .isEqualTo("ana made 3 calls in the last minute (limit 3); wait and retry");
        assertThat(budget.take("bo", "run-9", t + 10 * SECOND)).isNull();
        assertThat(budget.take("ana", "run-9", t + 61 * SECOND)).isNull();
    }

    @Test
    void should_not_charge_a_refused_call_to_the_run() {
        Budget budget = new Budget(new Limits(2, 1000, Duration.ofSeconds(1), 10, 1024));
        assertThat(budget.take("ana", "r", 0)).isNull();
        assertThat(budget.take("ana", "r", 1)).isNull();

        assertThat(budget.take("ana", "r", 2)).isEqualTo("run r has used its 2 tool calls");
        assertThat(budget.take("ana", "r", 3)).isEqualTo("run r has used its 2 tool calls");
        budget.endRun("r");
        assertThat(budget.take("ana", "r", 4)).isNull();
    }

    @Test
    void should_forget_runs_idle_for_an_hour() {
        Budget budget = new Budget(new Limits(1, 1_000_000, Duration.ofSeconds(1), 10, 1024));
        assertThat(budget.take("ana", "old", 0)).isNull();
        long later = Budget.RUN_IDLE_NANOS + SECOND;
        for (int i = 0; i < 5000; i++) {
            budget.take("ana", "run-" + i, later);
        }

        assertThat(budget.take("ana", "old", later)).isNull();
    }
}
