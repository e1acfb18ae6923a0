package dev.meshpilot.agents.triage;

import dev.meshpilot.agents.runtime.Evidence;
import dev.meshpilot.agents.triage.TriageReport.NextStep;
import dev.meshpilot.sandbox.gate.InstructionScan;
import dev.meshpilot.tools.search.RunbookMatches;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Chooses the next steps of a report from a {@code search_runbooks} result.
 *
 * <p>Pattern 5 of issue #16 (runbooks matched too loosely): a runbook applies when what it declares in
 * {@code appliesTo} fits the incident on both counts, as docs/workspace.md documents — its {@code products}
 * are absent or name the incident's product or the cause's, <em>and</em> its {@code errorClasses} are absent or
 * name the cause's class. A runbook written for other products is never quoted, whatever the class. Applicable
 * runbooks are ranked by relevance: written for one of these products first, then declaring the class, then
 * found by text; the more specific (fewer classes) first. A step that names another product the runbook lists
 * is not quoted for this one.
 *
 * <p>Pattern 6 (instruction-like text quoted to humans): each step is read with the gate's own scanner
 * ({@link InstructionScan}); a flagged step is never recommended, and the report's notes name the runbook as
 * containing suspicious text. Text from the mesh is data: it is quoted or withheld, never followed.
 */
final class RunbookAdvice {
    static final int RUNBOOKS = 3;
    private static final int ALL_STEPS = 50;

    /** The steps to recommend and the notes for the reader. */
    record Advice(List<NextStep> steps, List<String> notes) {}

    private RunbookAdvice() {}

    /**
     * @param products the incident's product and the cause's (either may be absent)
     * @param errorClass the cause's class
     */
    static Advice choose(Evidence found, Set<String> products, String errorClass, int stepsPerRunbook) {
        List<NextStep> steps = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<RunbookMatches.Match> matches =
                new ArrayList<>(found.as(RunbookMatches.class).runbooks());
        List<RunbookMatches.Match> applicable = matches.stream()
                .filter(r -> applies(r, products, errorClass))
                .sorted(Comparator.comparingInt((RunbookMatches.Match r) -> -relevance(r, products, errorClass))
                        .thenComparingInt(r -> r.errorClasses().isEmpty()
                                ? 99
                                : r.errorClasses().size())
                        .thenComparing(RunbookMatches.Match::id))
                .limit(RUNBOOKS)
                .toList();
        for (RunbookMatches.Match r : applicable) {
            int quoted = 0;
            int withheld = 0;
            for (String step : Runbooks.steps(r.body(), ALL_STEPS)) {
                if (InstructionScan.suspicious(step)) {
                    withheld++;
                } else if (quoted < stepsPerRunbook && !namesOtherProduct(step, r, products)) {
                    steps.add(new NextStep(r.id(), step, List.of(found.id())));
                    quoted++;
                }
            }
            if (withheld > 0) {
                notes.add("Runbook " + r.id() + " contains suspicious text: " + withheld + " step"
                        + (withheld == 1 ? " reads" : "s read")
                        + " like instructions to an assistant and " + (withheld == 1 ? "is" : "are")
                        + " not recommended; have its owner review it.");
            } else if (bodyFlagged(found, r.id())) {
                notes.add("Runbook " + r.id() + " contains suspicious text (instruction-like, outside its steps);"
                        + " have its owner review it.");
            }
        }
        return new Advice(steps, notes);
    }

    /** Steps of the model's report that read like instructions are dropped (pattern 6). */
    static List<NextStep> safe(List<NextStep> steps) {
        return steps.stream().filter(s -> !InstructionScan.suspicious(s.step())).toList();
    }

    static boolean applies(RunbookMatches.Match r, Set<String> products, String errorClass) {
        boolean productFits = r.products().isEmpty() || r.products().stream().anyMatch(products::contains);
        boolean classFits = r.errorClasses().isEmpty() || r.errorClasses().contains(errorClass);
        return productFits && classFits;
    }

    private static int relevance(RunbookMatches.Match r, Set<String> products, String errorClass) {
        int s = 0;
        if (r.products().stream().anyMatch(products::contains)) {
            s += 4;
        }
        if (r.errorClasses().contains(errorClass)) {
            s += 2;
        }
        if (r.matchedBy().contains("text")) {
            s += 1;
        }
        return s;
    }

    /** A step naming a product the runbook lists that is none of this incident's. */
    private static boolean namesOtherProduct(String step, RunbookMatches.Match r, Set<String> products) {
        return r.products().stream().anyMatch(p -> !products.contains(p) && step.contains(p));
    }

    private static boolean bodyFlagged(Evidence found, String id) {
        for (var m : found.data().path("runbooks")) {
            if (id.equals(m.path("id").asText())) {
                return m.path("body").path("flagged").asBoolean(false);
            }
        }
        return false;
    }
}
