package dev.meshpilot.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.server.runs.Schedule;
import dev.meshpilot.server.runs.SchedulerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schedules: and scheduler: sections of a server config. */
class ScheduleSettingsTest {
    @TempDir
    Path tmp;

    Path file(String yaml) throws IOException {
        Path f = tmp.resolve("server.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void should_read_schedules_with_defaults_when_the_config_is_valid() throws IOException {
        SchedulerConfig c = ScheduleSettings.load(file("""
                schedules:
                  - name: nightly-drift
                    agent: drift
                    cron: "0 6 * * *"
                    timeZone: Europe/Berlin
                    runAs: meshpilot-scheduler
                    misfire: run-once
                scheduler:
                  lease: PT1M
                  heartbeat: PT20S
                """));
        Schedule s = c.schedules().getFirst();
        assertThat(s.scope()).isEqualTo("mesh");
        assertThat(s.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(s.misfire()).isEqualTo(Schedule.Misfire.run_once);
        assertThat(s.grace()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.webhook()).isNull();
        assertThat(c.lease()).isEqualTo(Duration.ofMinutes(1));
        assertThat(c.tick()).isEqualTo(Duration.ofSeconds(15));
        assertThat(ScheduleSettings.load(null).schedules()).isEmpty();
    }

    @Test
    void should_name_the_file_and_field_when_a_schedule_is_invalid() throws IOException {
        String base = """
                schedules:
                  - name: s
                    agent: drift
                    runAs: meshpilot-scheduler
                """;
        Path badCron = file(base + "    cron: \"0 25 * * *\"\n");
        assertThatThrownBy(() -> ScheduleSettings.load(badCron))
                .isInstanceOf(MeshpilotException.class)
                .hasMessageContaining("server.yaml: schedules[0].cron: '0 25 * * *' is not a five-field cron");
        Path badZone = file(base + "    cron: \"0 6 * * *\"\n    timeZone: Mars/Olympus\n");
        assertThatThrownBy(() -> ScheduleSettings.load(badZone)).hasMessageContaining("schedules[0].timeZone");
        Path badMisfire = file(base + "    cron: \"0 6 * * *\"\n    misfire: later\n");
        assertThatThrownBy(() -> ScheduleSettings.load(badMisfire))
                .hasMessageContaining("schedules[0].misfire: must be skip or run-once, not 'later'");
        Path unknown = file(base + "    cron: \"0 6 * * *\"\n    every: day\n");
        assertThatThrownBy(() -> ScheduleSettings.load(unknown))
                .hasMessageContaining("schedules[0].every: unknown field (valid: name, agent");
        Path slowBeat = file(base + "    cron: \"0 6 * * *\"\nscheduler:\n  lease: PT1M\n  heartbeat: PT45S\n");
        assertThatThrownBy(() -> ScheduleSettings.load(slowBeat)).hasMessageContaining("at most half");
        Path twice = file("""
                schedules:
                  - {name: s, agent: drift, cron: "0 6 * * *", runAs: meshpilot-scheduler}
                  - {name: s, agent: drift, cron: "0 7 * * *", runAs: meshpilot-scheduler}
                """);
        assertThatThrownBy(() -> ScheduleSettings.load(twice))
                .hasMessageContaining("schedules[1].name: 's' is used twice");
    }
}
