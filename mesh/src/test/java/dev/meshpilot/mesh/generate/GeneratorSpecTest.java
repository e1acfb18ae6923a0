package dev.meshpilot.mesh.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GeneratorSpecTest {
    @Test
    void should_take_fan_in_3_and_the_frozen_clock_when_defaults_are_used() {
        GeneratorSpec spec = GeneratorSpec.of(300, 7, 42);
        assertThat(spec.fanIn()).isEqualTo(3);
        assertThat(spec.asOf()).isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));
    }

    @Test
    void should_say_what_is_valid_when_a_count_is_out_of_range() {
        assertUsage(() -> GeneratorSpec.of(0, 1, 1), "products must be between 1 and 1000000, was 0");
        assertUsage(() -> GeneratorSpec.of(10, 0, 1), "days must be between 1 and 3650, was 0");
        assertUsage(() -> GeneratorSpec.of(10, 1, 1).withFanIn(0), "fan-in must be between 1 and 1000, was 0");
    }

    @Test
    void should_refuse_when_the_edges_would_not_fit_in_memory() {
        assertUsage(() -> new GeneratorSpec(1_000_000, 1, 1, 100, GeneratorSpec.DEFAULT_AS_OF), "products × fan-in");
    }

    @Test
    void should_refuse_when_as_of_is_missing() {
        assertUsage(() -> new GeneratorSpec(10, 1, 1, 3, null), "as-of must be given");
    }

    private static void assertUsage(Runnable build, String message) {
        assertThatThrownBy(build::run)
                .isInstanceOf(MeshpilotException.class)
                .hasMessageContaining(message)
                .extracting(e -> ((MeshpilotException) e).code())
                .isEqualTo(ErrorCode.USAGE);
    }
}
