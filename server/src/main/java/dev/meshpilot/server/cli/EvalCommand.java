package dev.meshpilot.server.cli;

import dev.meshpilot.agents.model.ModelConfig;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.evals.EvalRequest;
import dev.meshpilot.evals.Evals;
import dev.meshpilot.evals.report.MarkdownReport;
import dev.meshpilot.evals.report.Reports;
import dev.meshpilot.evals.run.EvalReport;
import dev.meshpilot.evals.run.Mode;
import dev.meshpilot.server.config.ModelSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code meshpilot eval --suite triage@1 [--mode playbook,replay] [--prompt triage@v1 | --compare a,b]
 * [--repeat N] [--report DIR]}: runs an eval suite and exits 1 when a threshold is missed, when a model mode's
 * case fell back to the playbook (unless {@code --allow-fallback}) or, comparing, when the second prompt does
 * worse: the CI gate. Each case runs on a mesh of its own, made in a scratch folder (under {@code --home} when
 * given, else the system temp folder) and deleted after; the home's own mesh is never read or changed.
 */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = "Run an evaluation suite (evals/suites/<name>); exit 1 when a threshold is missed.")
final class EvalCommand implements Callable<Integer> {
    @Option(names = "--suite", required = true, paramLabel = "NAME[@V]", description = "The suite, e.g. triage@1.")
    String suite;

    @Option(
            names = "--mode",
            defaultValue = "playbook",
            split = ",",
            paramLabel = "MODE",
            description = "playbook (default), replay, live or record; several with commas (playbook,replay).")
    List<String> modes;

    @Option(names = "--prompt", paramLabel = "AGENT@V", description = "Prompt version for model modes, e.g. triage@v1.")
    String prompt;

    @Option(
            names = "--compare",
            split = ",",
            paramLabel = "A,B",
            description = "Two prompt versions to run on the same cases and compare (default mode: replay).")
    List<String> compare;

    @Option(names = "--repeat", defaultValue = "1", description = "Runs of each case (live: pass rates, variance).")
    int repeat;

    @Option(names = "--case", split = ",", paramLabel = "ID", description = "Only these cases (folder names).")
    List<String> cases;

    @Option(names = "--report", paramLabel = "DIR", description = "Write report.json, report.md and report.html here.")
    Path report;

    @Option(names = "--suites", paramLabel = "DIR", description = "The suites folder (default <root>/evals/suites).")
    Path suites;

    @Option(names = "--standards", paramLabel = "DIR", description = "The shared standards (injection corpus).")
    Path standards;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "A YAML config with a model: section (live, record).")
    Path config;

    @Option(
            names = "--allow-fallback",
            description = "Let a replay, live or record run pass although cases fell back to the playbook.")
    boolean allowFallback;

    @Option(
            names = "--format",
            defaultValue = "text",
            description = "text or md (the Markdown summary), or json (the whole report).")
    Format format;

    @Option(
            names = "--home",
            paramLabel = "DIR",
            description = "Where the run's scratch meshes go (DIR/eval-tmp, deleted after; default: the system "
                    + "temp folder). Eval never reads or changes the mesh loaded in the home.")
    Path home;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (compare != null && compare.size() != 2) {
            throw new MeshpilotException(
                    ErrorCode.USAGE, "--compare takes two prompt versions, e.g. triage@v1,triage@v2");
        }
        if (compare != null && prompt != null) {
            throw new MeshpilotException(ErrorCode.USAGE, "give --prompt or --compare, not both");
        }
        List<Mode> parsed = new ArrayList<>();
        try {
            for (String m : modes) {
                parsed.add(Mode.parse(m.trim()));
            }
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (compare != null && parsed.equals(List.of(Mode.PLAYBOOK))) {
            parsed = List.of(Mode.REPLAY); // prompts play no part in playbook mode
        }
        boolean needsModel = parsed.contains(Mode.LIVE) || parsed.contains(Mode.RECORD);
        ModelConfig live =
                needsModel ? ModelSettings.load(config, System.getenv()).orElse(null) : null;
        Path root = root();
        Path corpus =
                (standards != null ? standards : defaultStandards(root)).resolve("injection/injection_cases.jsonl");
        Path work = temp(home);
        try {
            EvalRequest req = new EvalRequest(
                    suites != null ? suites : root.resolve("evals/suites"),
                    suite,
                    parsed,
                    compare != null ? compare : prompt != null ? List.of(prompt) : List.of(),
                    repeat,
                    live,
                    DemoCommand.bundledDemo(),
                    corpus,
                    work,
                    cases == null ? null : Set.copyOf(cases)::contains,
                    allowFallback);
            var err = spec.commandLine().getErr();
            EvalReport result = Evals.run(req, line -> {
                err.println("  " + line);
                err.flush();
            });
            if (report != null) {
                Reports.write(result, report).forEach(f -> err.println("wrote " + f));
            }
            var out = spec.commandLine().getOut();
            out.print(format == Format.json ? Reports.json(result) + "\n" : MarkdownReport.render(result));
            out.flush();
            return result.passed() ? 0 : 1;
        } finally {
            delete(work);
            if (home != null) {
                home.resolve("eval-tmp").toFile().delete(); // only when empty: another run may be using it
            }
        }
    }

    private static Path root() {
        String r = System.getProperty("meshpilot.root");
        return r != null ? Path.of(r) : DemoCommand.bundledDemo().getParent().getParent();
    }

    /**
     * The shared standards, for the injection corpus a few adversarial cases plant (test material beside a
     * checkout, not part of Meshpilot): {@code --standards}, else {@code meshpilot.standards} or
     * {@code MESHPILOT_STANDARDS}, else {@code ../shared/standards}. Absent, those cases are skipped and the
     * report says so.
     */
    private static Path defaultStandards(Path root) {
        String s = System.getProperty("meshpilot.standards", System.getenv("MESHPILOT_STANDARDS"));
        return s != null ? Path.of(s) : root.resolve("../shared/standards").normalize();
    }

    private static Path temp(Path home) {
        try {
            if (home != null) {
                Path dir = Files.createDirectories(home.resolve("eval-tmp"));
                return Files.createTempDirectory(dir, "run-");
            }
            return Files.createTempDirectory("meshpilot-eval-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temp folder left behind is harmless
        }
    }
}
