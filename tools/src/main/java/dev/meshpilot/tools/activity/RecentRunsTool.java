package dev.meshpilot.tools.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.mesh.activity.RunRecord;
import dev.meshpilot.sandbox.principal.Scope;
import dev.meshpilot.sandbox.tool.ToolContext;
import dev.meshpilot.sandbox.tool.ToolDeclaration;
import dev.meshpilot.sandbox.tool.ToolOutput;
import dev.meshpilot.tools.MeshView;
import dev.meshpilot.tools.support.Args;
import dev.meshpilot.tools.support.Page;
import dev.meshpilot.tools.support.ProductTool;
import dev.meshpilot.tools.support.Schema;
import java.time.Duration;
import java.util.List;

/**
 * {@code recent_runs}: the latest runs of the jobs that write a product, newest first, with state, duration
 * and error message, plus when the product last succeeded.
 */
public final class RecentRunsTool extends ProductTool {
    public static final String NAME = "recent_runs";
    static final List<String> STATES = List.of("NEW", "RUNNING", "COMPLETED", "ABORTED", "FAILED");
    private static final int DEFAULT_LIMIT = 10;
    private static final int MAX_LIMIT = 100;

    public RecentRunsTool(MeshView mesh) {
        super(
                ToolDeclaration.builder(
                                NAME,
                                "Lists the most recent runs of the jobs that write a data product (from OpenLineage), newest "
                                        + "first: job, state (COMPLETED, FAILED, ...), start, end, duration and the error "
                                        + "message of failed runs. Also says when the product last completed successfully.",
                                Page.arguments(
                                                Schema.input()
                                                        .required("product", Schema.productId("Product id."))
                                                        .optional(
                                                                "state",
                                                                Schema.oneOf("Only runs in this state.", STATES))
                                                        .optional(
                                                                "until",
                                                                Schema.string(
                                                                        1,
                                                                        40,
                                                                        "Only runs started at or before this ISO-8601 instant (to look at a past moment).")),
                                                DEFAULT_LIMIT,
                                                MAX_LIMIT)
                                        .build())
                        .outputSchema(Schema.paged(Schema.output()
                                        .required("product", Schema.string("Product id."))
                                        .required(
                                                "lastSuccessAt",
                                                Schema.nullableString("End of the latest COMPLETED run."))
                                        .required(
                                                "runs",
                                                Schema.array(
                                                        Schema.output()
                                                                .required("runId", Schema.string("OpenLineage run id."))
                                                                .required(
                                                                        "job",
                                                                        Schema.text(
                                                                                "namespace/name of the job (free text from the events)."))
                                                                .required("state", Schema.string("Run state."))
                                                                .required(
                                                                        "startedAt",
                                                                        Schema.nullableString("Start time."))
                                                                .required("endedAt", Schema.nullableString("End time."))
                                                                .required(
                                                                        "durationSeconds",
                                                                        Schema.nullableNumber("End minus start."))
                                                                .required(
                                                                        "errorMessage",
                                                                        Schema.text("Error message of a failed run."))
                                                                .build(),
                                                        "Runs, newest first.")))
                                .build())
                        .scopes(Scope.RUNS_READ)
                        .build(),
                mesh,
                "product");
    }

    @Override
    protected ToolOutput execute(ToolContext context, JsonNode args, String product) {
        Page page = Page.of(args, NAME, DEFAULT_LIMIT, MAX_LIMIT);
        String state = Args.string(args, "state").orElse(null);
        java.time.Instant until = Args.instant(args, "until").orElse(null);
        int total = mesh.activity().countRuns(product, state, until);
        List<RunRecord> runs = mesh.activity().runs(product, state, until, page.offset(), page.limit());
        List<RunRecord> lastSuccess = mesh.activity().runs(product, "COMPLETED", until, 0, 1);
        ObjectNode data = object();
        data.put("product", product);
        data.put(
                "lastSuccessAt",
                lastSuccess.isEmpty() ? null : time(lastSuccess.getFirst().endedAt()));
        ArrayNode out = data.putArray("runs");
        for (RunRecord r : runs) {
            ObjectNode n = out.addObject();
            n.put("runId", r.runId());
            n.put("job", r.jobNamespace() + "/" + r.jobName());
            n.put("state", r.state());
            n.put("startedAt", time(r.startedAt()));
            n.put("endedAt", time(r.endedAt()));
            Duration d = r.duration();
            if (d == null) {
                n.putNull("durationSeconds");
            } else {
                n.put("durationSeconds", d.toMillis() / 1000.0);
            }
            n.put("errorMessage", r.errorMessage());
        }
        page.describe(data, total, runs.size());
        if (total == 0) {
            return ToolOutput.noData("no runs recorded for " + product + (state == null ? "" : " in state " + state)
                    + "; its jobs have sent no OpenLineage events");
        }
        // job names come from the events as freely as error messages do: both are fenced
        return ToolOutput.ok(data, List.of(), List.of("/runs/*/errorMessage", "/runs/*/job"));
    }
}
