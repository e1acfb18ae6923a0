package dev.meshpilot.evals.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.agents.model.ChatModels;
import dev.meshpilot.agents.model.ModelConfig;
import dev.meshpilot.agents.prompt.Prompt;
import dev.meshpilot.agents.prompt.PromptRegistry;
import dev.meshpilot.agents.runtime.AgentRun;
import dev.meshpilot.agents.runtime.RunOptions;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.evals.mesh.EvalMesh;
import dev.meshpilot.evals.mesh.MeshFactory;
import dev.meshpilot.evals.replay.Cassette;
import dev.meshpilot.evals.replay.RecordingProxy;
import dev.meshpilot.evals.replay.ReplayServer;
import dev.meshpilot.evals.score.CaseScore;
import dev.meshpilot.evals.score.Scorer;
import dev.meshpilot.evals.suite.EvalCase;
import dev.meshpilot.evals.suite.Suite;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Runs a suite: each case on its mesh (made once, shared by the variants), in every variant, {@code repeat}
 * times; scores each run; aggregates per metric against the suite's thresholds; compares two variants.
 *
 * <pre>{@code
 * EvalReport r = new EvalRunner(meshes, prompts, null, Clock.systemUTC())
 *         .run(suite, List.of(Variant.playbook(), new Variant(Mode.REPLAY, "triage@v1")), 1, c -> true);
 * }</pre>
 *
 * <p>A case whose run throws is an {@code error} that scores 0 on every metric it expects; a suite that
 * cannot start (an unknown prompt or agent, live mode without a model or with one that accepts no
 * connection) fails with {@code usage}. In a model mode a case that fell back to the playbook fails its
 * variant unless {@link #allowFallback} says otherwise. Not thread-safe.
 */
public final class EvalRunner {
    private final MeshFactory meshes;
    private final PromptRegistry prompts;
    private final ModelConfig live;
    private final Clock clock;
    private Consumer<String> progress = s -> {};
    private boolean allowFallback;

    /** @param live the model endpoint of live and record modes, or null */
    public EvalRunner(MeshFactory meshes, PromptRegistry prompts, ModelConfig live, Clock clock) {
        this.meshes = meshes;
        this.prompts = prompts;
        this.live = live;
        this.clock = clock;
    }

    /** Receives one line per case and variant as the run goes. */
    public EvalRunner progress(Consumer<String> sink) {
        this.progress = sink;
        return this;
    }

    /**
     * Whether a model-mode case that fell back to the playbook may still pass (default: no, the variant fails:
     * the playbook's answer says nothing about the model's).
     */
    public EvalRunner allowFallback(boolean allow) {
        this.allowFallback = allow;
        return this;
    }

    public EvalReport run(Suite suite, List<Variant> variants, int repeat, Predicate<EvalCase> filter) {
        EvalAgents.EvalAgent agent = EvalAgents.get(suite.agent());
        for (Variant v : variants) {
            if (v.mode().usesModel()) {
                prompts.resolve(v.prompt()); // fails early, listing the versions there are
            }
            if ((v.mode() == Mode.LIVE || v.mode() == Mode.RECORD) && live == null) {
                throw new MeshpilotException(
                        ErrorCode.USAGE,
                        "--mode " + v.mode().wireName() + " needs a model: set MESHPILOT_MODEL_PROVIDER, _BASE_URL "
                                + "and _NAME, or a model: section in --config (docs/configuration.md#models)");
            }
        }
        if (variants.stream().anyMatch(v -> v.mode() == Mode.LIVE || v.mode() == Mode.RECORD)) {
            ModelProbe.reachable(live); // fail in seconds, not after every case's retries
        }
        int reps = Math.max(1, repeat);
        List<EvalCase> cases = suite.cases().stream().filter(filter).toList();
        List<List<CaseResult>> results = new ArrayList<>();
        variants.forEach(v -> results.add(new ArrayList<>()));
        long[] millis = new long[variants.size()];
        try (ReplayServer replay =
                variants.stream().anyMatch(v -> v.mode() == Mode.REPLAY) ? ReplayServer.start() : null) {
            for (EvalCase c : cases) {
                runCase(suite, agent, c, variants, reps, replay, results, millis);
            }
        }
        List<VariantResult> out = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            Variant v = variants.get(i);
            Prompt p = v.mode().usesModel() ? prompts.resolve(v.prompt()) : null;
            List<MetricSummary> metrics = Aggregates.summarize(suite, results.get(i), reps);
            boolean scored = results.get(i).stream().anyMatch(CaseResult::scored);
            int fallbacks =
                    (int) results.get(i).stream().filter(CaseResult::fellBack).count();
            boolean fallbackOk = fallbacks == 0 || allowFallback || !v.mode().usesModel();
            out.add(new VariantResult(
                    v.label(),
                    v.mode().wireName(),
                    p == null ? null : p.ref(),
                    p == null ? null : p.sha256(),
                    reps,
                    results.get(i),
                    metrics,
                    scored && fallbackOk && metrics.stream().allMatch(MetricSummary::ok),
                    millis[i],
                    fallbacks,
                    allowFallback));
        }
        // two prompt versions in one mode are a comparison; playbook beside replay is not
        Comparison comparison =
                out.size() == 2 && variants.get(0).mode() == variants.get(1).mode()
                        ? Comparison.of(out.get(0), out.get(1))
                        : null;
        boolean passed = out.stream().allMatch(VariantResult::passed) && (comparison == null || !comparison.worse());
        return new EvalReport(suite.name(), suite.version(), suite.agent(), clock.instant(), out, comparison, passed);
    }

    private void runCase(
            Suite suite,
            EvalAgents.EvalAgent agent,
            EvalCase c,
            List<Variant> variants,
            int reps,
            ReplayServer replay,
            List<List<CaseResult>> results,
            long[] millis) {
        Map<String, Object> expected = expected(c);
        if (!meshes.available(c.mesh())) {
            for (List<CaseResult> r : results) {
                r.add(new CaseResult(
                        c.id(),
                        c.description(),
                        c.tags(),
                        c.knownMiss(),
                        expected,
                        "skipped",
                        "needs the shared injection corpus, not found at " + meshes.corpus(),
                        List.of()));
            }
            return;
        }
        EvalMesh mesh;
        try {
            mesh = meshes.open(c.mesh());
        } catch (RuntimeException e) {
            for (List<CaseResult> r : results) {
                r.add(errored(c, expected, "the case's mesh did not load: " + message(e)));
            }
            return;
        }
        try {
            for (int i = 0; i < variants.size(); i++) {
                long t0 = System.nanoTime();
                CaseResult r = runVariant(suite, agent, c, expected, variants.get(i), reps, mesh, replay);
                millis[i] += (System.nanoTime() - t0) / 1_000_000;
                results.get(i).add(r);
                progress.accept(variants.get(i).label() + " " + c.id() + ": " + r.status()
                        + (r.scored() && !"error".equals(r.status()) ? (r.passed() ? " pass" : " FAIL") : "")
                        + (r.reason() == null ? "" : " (" + r.reason() + ")"));
            }
        } finally {
            if (meshes.owned(mesh)) {
                mesh.close();
            }
        }
    }

    private CaseResult runVariant(
            Suite suite,
            EvalAgents.EvalAgent agent,
            EvalCase c,
            Map<String, Object> expected,
            Variant v,
            int reps,
            EvalMesh mesh,
            ReplayServer replay) {
        Prompt prompt = v.mode().usesModel() ? prompts.resolve(v.prompt()) : null;
        Cassette cassette = null;
        if (v.mode() == Mode.REPLAY) {
            var file = c.cassette(prompt.ref());
            if (file.isEmpty()) {
                return new CaseResult(
                        c.id(),
                        c.description(),
                        c.tags(),
                        c.knownMiss(),
                        expected,
                        "skipped",
                        "no cassette for " + prompt.ref(),
                        List.of());
            }
            try {
                cassette = Cassette.read(file.get());
            } catch (MeshpilotException e) {
                return errored(c, expected, e.getMessage());
            }
            if (cassette.promptSha256() != null && !cassette.promptSha256().equals(prompt.sha256())) {
                return errored(
                        c,
                        expected,
                        "the cassette was made with another text of " + prompt.ref() + " ("
                                + cassette.promptSha256().substring(0, 12) + ", now "
                                + prompt.sha256().substring(0, 12)
                                + "); record it again");
            }
        }
        List<Repetition> reps0 = new ArrayList<>();
        for (int r = 0; r < reps; r++) {
            reps0.add(once(suite, agent, c, v, prompt, cassette, mesh, replay));
        }
        boolean failed = reps0.stream().allMatch(x -> x.error() != null);
        return new CaseResult(
                c.id(),
                c.description(),
                c.tags(),
                c.knownMiss(),
                expected,
                failed ? "error" : "scored",
                failed ? reps0.getFirst().error() : null,
                reps0,
                cassette == null ? null : cassette.origin());
    }

    private Repetition once(
            Suite suite,
            EvalAgents.EvalAgent agent,
            EvalCase c,
            Variant v,
            Prompt prompt,
            Cassette cassette,
            EvalMesh mesh,
            ReplayServer replay) {
        RecordingProxy proxy = null;
        try {
            var principal = mesh.principal(c.principal());
            RunOptions options = switch (v.mode()) {
                case PLAYBOOK -> RunOptions.playbook(principal);
                case REPLAY -> llm(principal, replay.serve(cassette));
                case LIVE -> llm(principal, live);
                case RECORD -> {
                    proxy = RecordingProxy.start(live);
                    yield llm(principal, proxy.config());
                }
            };
            if (prompt != null) {
                options = options.withPrompt(prompt.ref());
            }
            AgentRun<?> run = agent.run(mesh.runner(prompts), EvalAgents.withFiles(c.input(), c.dir()), options);
            if (proxy != null) {
                proxy.cassette(prompt).write(c.cassettePath(prompt.ref()));
            }
            JsonNode report = AgentRunJson.report(run);
            CaseScore score = Scorer.score(suite, c, report, run.run());
            return new Repetition(
                    score,
                    run.run().mode(),
                    run.run().tokens().total(),
                    run.run().durationMillis(),
                    Scorer.trajectory(run.run()),
                    run.run().notes(),
                    run.run().injectionSuspected(),
                    run.run().ungrounded(),
                    null);
        } catch (RuntimeException e) {
            return new Repetition(
                    CaseScore.error(Scorer.zeros(c), message(e)),
                    null,
                    null,
                    0,
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    message(e));
        } finally {
            if (proxy != null) {
                proxy.close();
            }
        }
    }

    private static RunOptions llm(dev.meshpilot.sandbox.principal.Principal who, ModelConfig config) {
        return RunOptions.llm(who, ChatModels.create(config), config);
    }

    private static CaseResult errored(EvalCase c, Map<String, Object> expected, String message) {
        Repetition r = new Repetition(
                CaseScore.error(Scorer.zeros(c), message),
                null,
                null,
                0,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                message);
        return new CaseResult(c.id(), c.description(), c.tags(), c.knownMiss(), expected, "error", message, List.of(r));
    }

    /** What the case expects, flattened for reports. */
    static Map<String, Object> expected(EvalCase c) {
        var e = c.expect();
        Map<String, Object> m = new LinkedHashMap<>();
        m.putAll(e.exact());
        m.putAll(e.sets());
        e.ranges()
                .forEach((k, r) -> m.put(
                        k, (r.min() == null ? "" : r.min() + " <= ") + k + (r.max() == null ? "" : " <= " + r.max())));
        if (!e.mention().isEmpty()) {
            m.put("mention", e.mention());
        }
        if (!e.notMention().isEmpty()) {
            m.put("notMention", e.notMention());
        }
        if (!e.called().isEmpty()) {
            m.put("called", e.called());
        }
        if (!e.notCalled().isEmpty()) {
            m.put("notCalled", e.notCalled());
        }
        if (e.injectionFlagged()) {
            m.put("injectionFlagged", true);
        }
        if (e.noDeniedCalls()) {
            m.put("noDeniedCalls", true);
        }
        return m;
    }

    static String message(Throwable e) {
        String m = e.getMessage();
        if (e instanceof MeshpilotException me && !me.details().isEmpty()) {
            m += "; " + String.join("; ", me.details());
        }
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
