package dev.meshpilot.server.cli;

import static dev.meshpilot.server.cli.Cli.DEMO;
import static dev.meshpilot.server.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.server.cli.Cli.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code alert FILE...}: Alertmanager notifications from files, all or nothing, as the endpoint stores them. */
class AlertCommandTest {
    static final Path EXAMPLE = DEMO.getParent().resolve("alerts/revenue-daily-late.json");

    @TempDir
    Path tmp;

    String home;

    @BeforeEach
    void loadDemo() {
        home = tmp.resolve("home").toString();
        Run load = run("load", DEMO.toString(), "--home", home, "--no-index");
        assertThat(load.exit()).as(load.err()).isZero();
    }

    @Test
    void should_open_an_incident_on_the_labelled_product_and_count_a_repeat_as_seen() {
        Run first = run("alert", EXAMPLE.toString(), "--home", home);
        Run again = run("alert", EXAMPLE.toString(), "--home", home, "--format", "json");

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("1 alerts (0 already seen); incidents opened INC-1003");
        assertThat(again.out()).contains("\"duplicates\" : 1");
        Run incident = run("incident", "INC-1003", "--home", home, "--format", "json");
        assertThat(incident.out()).contains("finance.revenue_daily").contains("DatasetFreshnessSLOBreached");
    }

    @Test
    void should_store_nothing_when_one_of_the_files_is_invalid_and_name_the_file_and_field() throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad.json"), "{\"alerts\": [{\"status\": \"firing\"}]}");

        Run r = run("alert", EXAMPLE.toString(), bad.toString(), "--home", home);

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .contains("nothing was stored")
                .contains(bad + ": alerts[0].labels: missing")
                .contains(bad + ": alerts[0].startsAt: missing");
        assertThat(run("incident", "INC-1003", "--home", home).exit()).isEqualTo(2);
    }
}
