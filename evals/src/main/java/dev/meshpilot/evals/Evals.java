package dev.meshpilot.evals;

import dev.meshpilot.agents.prompt.PromptRegistry;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.evals.mesh.Injections;
import dev.meshpilot.evals.mesh.MeshFactory;
import dev.meshpilot.evals.run.EvalAgents;
import dev.meshpilot.evals.run.EvalReport;
import dev.meshpilot.evals.run.EvalRunner;
import dev.meshpilot.evals.run.Mode;
import dev.meshpilot.evals.run.Variant;
import dev.meshpilot.evals.suite.Suite;
import dev.meshpilot.evals.suite.SuiteLoader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The harness's entry point: loads the suite, its prompts (the bundled ones plus those kept with the suite),
 * makes the meshes, runs every variant and returns the report; {@link EvalReport#passed()} is the CI gate.
 *
 * <pre>{@code
 * EvalReport r = Evals.run(new EvalRequest(Path.of("evals/suites"), "triage@1",
 *         List.of(Mode.PLAYBOOK, Mode.REPLAY), List.of(), 1, null, demo, corpus, tmp, null, false), System.out::println);
 * }</pre>
 *
 * @throws MeshpilotException with code {@code usage} for an unknown suite or prompt, a malformed case
 *     (naming file and field), or a model mode without a model
 */
public final class Evals {
    private Evals() {}

    public static EvalReport run(EvalRequest req, Consumer<String> progress) {
        Suite suite = SuiteLoader.load(req.suites(), req.suite());
        PromptRegistry prompts = prompts(suite);
        List<Variant> variants = variants(suite, req.modes(), req.prompts());
        try (MeshFactory meshes =
                new MeshFactory(req.work(), req.demo(), new Injections(req.corpus()), EvalAgents.allowlists())) {
            return new EvalRunner(meshes, prompts, req.live(), Clock.systemUTC())
                    .progress(progress)
                    .allowFallback(req.allowFallback())
                    .run(suite, variants, req.repeat(), c -> req.cases().test(c.id()));
        } catch (IllegalArgumentException e) {
            throw new MeshpilotException(ErrorCode.USAGE, e.getMessage(), e);
        }
    }

    /** The bundled prompts and the suite's own (e.g. a deliberately degraded version). */
    public static PromptRegistry prompts(Suite suite) {
        PromptRegistry bundled = PromptRegistry.bundled();
        return suite.prompts() == null ? bundled : bundled.plus(PromptRegistry.load(suite.prompts()));
    }

    static List<Variant> variants(Suite suite, List<Mode> modes, List<String> prompts) {
        List<String> refs = prompts.isEmpty() ? List.of(suite.prompt()) : prompts;
        List<Variant> out = new ArrayList<>();
        for (Mode m : modes) {
            if (m.usesModel()) {
                refs.forEach(p -> out.add(new Variant(m, p.contains("@") ? p : suite.agent() + "@" + p)));
            } else {
                out.add(Variant.playbook());
            }
        }
        return out;
    }
}
