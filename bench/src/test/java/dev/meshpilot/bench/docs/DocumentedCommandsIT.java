package dev.meshpilot.bench.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the documented commands (the smoke list) through the launcher and the packaged jar, as a user does,
 * against the demo mesh in a fresh home: each must give its exit code, a line of its output, and no stack
 * trace or warning on stderr. Runs in {@code verify}, after the jar is packaged.
 */
class DocumentedCommandsIT {
    private static Launcher launcher;

    @BeforeAll
    static void loadTheDemo() throws IOException {
        Path work = Files.createTempDirectory("meshpilot-smoke");
        launcher = new Launcher(DocumentedCommandsTest.ROOT.toAbsolutePath().normalize(), work);
        Launcher.Result r = launcher.run(List.of("demo", "--no-serve"), "");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Loaded the 'acme-retail' demo mesh");
    }

    @TestFactory
    Stream<DynamicTest> should_do_what_the_docs_say_for_every_documented_command() {
        return SmokeList.read().stream()
                .filter(e -> e.kind() != SmokeList.Kind.SKIP)
                .map(e -> DynamicTest.dynamicTest(e.toString(), () -> {
                    if (e.kind() == SmokeList.Kind.SERVE) {
                        serve(e);
                    } else {
                        run(e);
                    }
                }));
    }

    private static void run(SmokeList.Entry e) {
        Launcher.Result r = launcher.run(launcher.arguments(e.arguments()), e.stdin());
        assertThat(r.exit()).as(r.toString()).isEqualTo(e.exit());
        assertThat(r.out() + r.err()).as(r.toString()).contains(e.text());
        assertThat(r.err()).as(r.toString()).doesNotContain("\tat ", "Exception in thread", "WARNING");
    }

    private static void serve(SmokeList.Entry e) throws Exception {
        try (Launcher.Server server = launcher.serve(launcher.arguments(e.arguments()))) {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(server.base() + e.text()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).isNotBlank();
        }
    }
}
