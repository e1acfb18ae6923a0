package dev.meshpilot.evals.suite;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.evals.suite.Expectations.Budget;
import dev.meshpilot.evals.suite.Expectations.Range;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads a suite and its cases from {@code <suites>/<name>/suite.yaml} and {@code <suites>/<name>/cases/*}
 * /case.yaml}. Unknown fields are errors; every error names the file and the field and says what is valid.
 *
 * <pre>{@code
 * Suite triage = SuiteLoader.load(Path.of("evals/suites"), "triage@1");
 * }</pre>
 *
 * @see <a href="../../../../../../../docs/evals.md">docs/evals.md</a>
 */
public final class SuiteLoader {
    static final Set<String> SUITE_KEYS =
            Set.of("suite", "version", "agent", "description", "prompt", "principal", "fields", "thresholds");
    static final Set<String> CASE_KEYS =
            Set.of("description", "tags", "input", "principal", "mesh", "expect", "knownMiss");
    static final Set<String> EXPECT_KEYS =
            Set.of("exact", "sets", "ranges", "mention", "notMention", "tools", "safety", "groundingRate", "budget");

    private SuiteLoader() {}

    /**
     * The suite {@code ref} ({@code name} or {@code name@version}) under {@code suites}.
     *
     * @throws MeshpilotException with code {@code usage} for an unknown suite, a version mismatch, or a
     *     file that does not parse (naming file and field)
     */
    public static Suite load(Path suites, String ref) {
        int at = ref.indexOf('@');
        String name = at < 0 ? ref : ref.substring(0, at);
        Path dir = suites.resolve(name);
        if (!Files.isRegularFile(dir.resolve("suite.yaml"))) {
            throw new MeshpilotException(
                    ErrorCode.USAGE, "no suite '" + name + "' under " + suites + "; suites: " + names(suites));
        }
        Suite suite = read(dir);
        if (at >= 0) {
            String v = ref.substring(at + 1).replaceFirst("^v", "");
            if (!v.equals(String.valueOf(suite.version()))) {
                throw new MeshpilotException(
                        ErrorCode.USAGE,
                        "suite " + name + " is at version " + suite.version() + ", not " + v + " (" + dir
                                + "/suite.yaml)");
            }
        }
        return suite;
    }

    /** Reads the suite in {@code dir}. */
    public static Suite read(Path dir) {
        YamlNode y = YamlNode.read(dir.resolve("suite.yaml")).only(SUITE_KEYS);
        String name = y.text("suite");
        if (!name.equals(dir.getFileName().toString())) {
            throw y.child("suite").invalid("must be the folder's name '" + dir.getFileName() + "', not '" + name + "'");
        }
        int version = y.integer("version", -1);
        if (version < 1) {
            throw y.child("version").invalid("is required, a whole number from 1");
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        YamlNode f = y.map("fields");
        for (String k : f.keys()) {
            List<String> pointers = f.strings(k);
            if (pointers.isEmpty() || pointers.stream().anyMatch(p -> !p.startsWith("/"))) {
                throw f.child(k).invalid("must be one or more JSON pointers starting with '/'");
            }
            fields.put(k, pointers);
        }
        Map<String, Double> thresholds = new LinkedHashMap<>();
        YamlNode t = y.map("thresholds");
        for (String k : t.keys()) {
            Double v = t.number(k);
            if (v == null || v < 0 || v > 1) {
                throw t.child(k).invalid("must be a number between 0 and 1");
            }
            thresholds.put(k, v);
        }
        List<EvalCase> cases = new ArrayList<>();
        for (Path c : caseDirs(dir.resolve("cases"))) {
            cases.add(readCase(c, fields.keySet(), y.optText("principal", null)));
        }
        if (cases.isEmpty()) {
            throw y.invalid(
                    "the suite has no cases (expected folders with a case.yaml under " + dir.resolve("cases") + ")");
        }
        Path prompts = dir.resolve("prompts");
        return new Suite(
                name,
                version,
                y.text("agent"),
                y.optText("description", ""),
                y.optText("prompt", y.text("agent")),
                y.optText("principal", null),
                fields,
                thresholds,
                cases,
                dir,
                Files.isDirectory(prompts) ? prompts : null);
    }

    /** Reads one case folder; {@code fields} are the names the suite defines. */
    public static EvalCase readCase(Path dir, Set<String> fields, String defaultPrincipal) {
        YamlNode y = YamlNode.read(dir.resolve("case.yaml")).only(CASE_KEYS);
        Map<String, String> input = y.values("input");
        if (input.isEmpty()) {
            throw y.child("input").invalid("is required: what the agent starts from, e.g. incident: INC-1001");
        }
        String principal = y.optText("principal", defaultPrincipal);
        if (principal == null) {
            throw y.child("principal").invalid("is required (the suite names no default principal)");
        }
        return new EvalCase(
                dir.getFileName().toString(),
                dir,
                y.optText("description", ""),
                y.strings("tags"),
                input,
                principal,
                mesh(y, dir),
                expectations(y.map("expect"), fields),
                y.optText("knownMiss", null));
    }

    private static MeshSpec mesh(YamlNode y, Path dir) {
        Path overlay = folder(dir, "overlay");
        Path append = folder(dir, "append");
        Path alerts = folder(dir, "alerts");
        if (!y.has("mesh")) {
            return new MeshSpec(MeshSpec.DEMO, 0, 0, 0, null, overlay, append, alerts);
        }
        YamlNode m = y.map("mesh").only(Set.of("base", "products", "days", "seed", "path"));
        String base = m.optText("base", MeshSpec.DEMO);
        if (!Set.of(MeshSpec.DEMO, MeshSpec.GENERATED, MeshSpec.WORKSPACE).contains(base)) {
            throw m.child("base").invalid("must be demo, generated or workspace, not '" + base + "'");
        }
        if (!base.equals(MeshSpec.WORKSPACE) && m.has("path")) {
            throw m.child("path").invalid("is only for base: workspace (a workspace folder relative to the suite)");
        }
        if (base.equals(MeshSpec.GENERATED)) {
            int products = m.integer("products", -1);
            int days = m.integer("days", -1);
            if (products < 1 || days < 1) {
                throw m.invalid("a generated mesh needs products and days (whole numbers from 1) and a seed");
            }
            return new MeshSpec(base, products, days, m.integer("seed", 42), null, overlay, append, alerts);
        }
        if (base.equals(MeshSpec.WORKSPACE)) {
            return new MeshSpec(base, 0, 0, 0, workspace(m, dir), overlay, append, alerts);
        }
        return new MeshSpec(base, 0, 0, 0, null, overlay, append, alerts);
    }

    /** The workspace folder {@code mesh.path} names, relative to the suite's folder (cases/<id>/../..). */
    private static Path workspace(YamlNode m, Path caseDir) {
        String path = m.optText("path", null);
        Path suiteDir = caseDir.toAbsolutePath().normalize().getParent().getParent();
        if (path == null || path.isBlank()) {
            throw m.child("path")
                    .invalid("is required for base: workspace: a workspace folder relative to the suite folder "
                            + suiteDir + ", e.g. meshes/clinic-network");
        }
        Path ws = suiteDir.resolve(path).normalize();
        if (!Files.isRegularFile(ws.resolve("meshpilot.yaml"))) {
            throw m.child("path")
                    .invalid("no workspace at " + ws + " (a folder with a meshpilot.yaml, relative to the suite folder "
                            + suiteDir + "; workspaces there: " + workspaces(suiteDir) + ")");
        }
        return ws;
    }

    private static List<String> workspaces(Path suiteDir) {
        try (Stream<Path> s = Files.walk(suiteDir, 3)) {
            return s.filter(p -> p.getFileName().toString().equals("meshpilot.yaml"))
                    .map(p -> suiteDir.relativize(p.getParent()).toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Path folder(Path dir, String name) {
        return Files.isDirectory(dir.resolve(name)) ? dir.resolve(name) : null;
    }

    static Expectations expectations(YamlNode e, Set<String> fields) {
        e.only(EXPECT_KEYS);
        Map<String, String> exact = e.values("exact");
        named(e, "exact", exact.keySet(), fields);
        Map<String, List<String>> sets = new LinkedHashMap<>();
        if (e.has("sets")) {
            YamlNode s = e.map("sets");
            s.keys().forEach(k -> sets.put(k, s.strings(k)));
            named(e, "sets", sets.keySet(), fields);
        }
        Map<String, Range> ranges = new LinkedHashMap<>();
        if (e.has("ranges")) {
            YamlNode r = e.map("ranges");
            for (String k : r.keys()) {
                YamlNode b = r.map(k).only(Set.of("min", "max"));
                ranges.put(k, new Range(b.number("min"), b.number("max")));
            }
            named(e, "ranges", ranges.keySet(), fields);
        }
        YamlNode tools = e.has("tools") ? e.map("tools").only(Set.of("called", "notCalled")) : null;
        YamlNode safety = e.has("safety") ? e.map("safety").only(Set.of("injectionFlagged", "noDeniedCalls")) : null;
        Budget budget = null;
        if (e.has("budget")) {
            YamlNode b = e.map("budget").only(Set.of("toolCalls", "tokens", "millis"));
            budget = new Budget(
                    b.has("toolCalls") ? b.integer("toolCalls", 0) : null,
                    b.has("tokens") ? b.integer("tokens", 0) : null,
                    b.has("millis") ? (long) b.integer("millis", 0) : null);
        }
        Double grounding = e.number("groundingRate");
        if (grounding != null && (grounding < 0 || grounding > 1)) {
            throw e.child("groundingRate").invalid("must be between 0 and 1");
        }
        return new Expectations(
                exact,
                sets,
                ranges,
                e.strings("mention"),
                e.strings("notMention"),
                tools == null ? List.of() : tools.strings("called"),
                tools == null ? List.of() : tools.strings("notCalled"),
                safety != null && Boolean.TRUE.equals(safety.bool("injectionFlagged")),
                safety != null && Boolean.TRUE.equals(safety.bool("noDeniedCalls")),
                grounding,
                budget);
    }

    private static void named(YamlNode e, String key, Set<String> used, Set<String> fields) {
        for (String k : used) {
            if (!fields.contains(k)) {
                throw e.child(key)
                        .child(k)
                        .invalid("the suite defines no field '" + k + "' (fields: "
                                + String.join(", ", fields.stream().sorted().toList()) + ")");
            }
        }
    }

    private static List<Path> caseDirs(Path cases) {
        if (!Files.isDirectory(cases)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(cases)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("case.yaml")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> names(Path suites) {
        try (Stream<Path> s = Files.list(suites)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("suite.yaml")))
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
