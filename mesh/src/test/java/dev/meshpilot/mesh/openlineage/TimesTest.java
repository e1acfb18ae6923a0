package dev.meshpilot.mesh.openlineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimesTest {
    @Test
    void should_read_the_stored_form_as_instant_parse_does() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochMilli(random.nextLong(-2_000_000_000_000L, 8_000_000_000_000L));
            String stored = Times.format(t);
            assertThat(Times.parse(stored))
                    .as(stored)
                    .isEqualTo(Instant.parse(stored))
                    .isEqualTo(t);
        }
        assertThat(Times.parse("2028-02-29T23:59:59.999Z")).isEqualTo(Instant.parse("2028-02-29T23:59:59.999Z"));
    }

    @Test
    void should_read_other_iso_forms_and_refuse_impossible_dates_like_instant_parse() {
        assertThat(Times.parse("2026-11-25T09:00:00Z")).isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));
        assertThat(Times.parse("2026-11-25T09:00:00.123456Z")).isEqualTo(Instant.parse("2026-11-25T09:00:00.123456Z"));
        assertThat(Times.parse(null)).isNull();
        assertThatThrownBy(() -> Times.parse("2027-02-29T00:00:00.000Z")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> Times.parse("2026-13-01T00:00:00.000Z")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> Times.parse("2026-1x-01T00:00:00.000Z")).isInstanceOf(DateTimeParseException.class);
    }
}
