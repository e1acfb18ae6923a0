package dev.meshpilot.evals;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find the repository's suites, the demo mesh and the shared injection corpus. */
final class Repo {
    static final Path ROOT =
            Path.of(System.getProperty("meshpilot.root", "..")).toAbsolutePath().normalize();
    static final Path SUITES = ROOT.resolve("evals/suites");
    static final Path DEMO = ROOT.resolve("examples/acme-retail");
    static final Path STANDARDS = Path.of(System.getProperty("meshpilot.standards", "../../shared/standards"));
    static final Path CORPUS = STANDARDS.resolve("injection/injection_cases.jsonl");

    private Repo() {}

    /**
     * Whether the shared injection corpus is here. When it is not (a lone clone), says so in one line: the
     * adversarial cases that plant its payloads are skipped, and the tests check the rest.
     */
    static boolean corpus() {
        boolean present = Files.isRegularFile(CORPUS);
        if (!present) {
            System.out.println("shared standards folder not found at " + STANDARDS
                    + ": the adversarial cases that plant its injection payloads are skipped");
        }
        return present;
    }
}
