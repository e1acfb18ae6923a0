package dev.meshpilot.evals;

import java.nio.file.Path;

/** Where the tests find the repository's suites, the demo mesh and the shared injection corpus. */
final class Repo {
    static final Path ROOT =
            Path.of(System.getProperty("meshpilot.root", "..")).toAbsolutePath().normalize();
    static final Path SUITES = ROOT.resolve("evals/suites");
    static final Path DEMO = ROOT.resolve("examples/acme-retail");
    static final Path CORPUS = Path.of(System.getProperty("meshpilot.standards", "../../shared/standards"))
            .resolve("injection/injection_cases.jsonl");

    private Repo() {}
}
