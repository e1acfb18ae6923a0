package dev.meshpilot.tools.activity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.activity.RunRecord;
import dev.meshpilot.sandbox.principal.Scope;
import dev.meshpilot.sandbox.tool.ToolContext;
import dev.meshpilot.sandbox.tool.ToolDeclaration;
import dev.meshpilot.sandbox.tool.ToolOutput;
import dev.meshpilot.tools.MeshView;
import dev.meshpilot.tools.support.Args;
import dev.meshpilot.tools.support.OutputSchemas;
import dev.meshpilot.tools.support.Page;
import dev.meshpilot.tools.support.ProductTool;
import dev.meshpilot.tools.support.Results;
import dev.meshpilot.tools.support.Schema;
import java.time.Duration;
import java.time.Instant;
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
                        .outputSchema(OutputSchemas.of(RecentRuns.class))
                        .scopes(Scope.RUNS_READ)
                        .build(),
                mesh,
                "product");
    }

    @Override
    protected ToolOutput execute(ToolContext context, JsonNode args, String product) {
        Page page = Page.of(args, NAME, DEFAULT_LIMIT, MAX_LIMIT);
        String state = Args.string(args, "state").orElse(null);
        Instant until = Args.instant(args, "until").orElse(null);
        int total = mesh.activity().countRuns(product, state, until);
        List<RunRecord> runs = mesh.activity().runs(product, state, until, page.offset(), page.limit());
        List<RunRecord> lastSuccess = mesh.activity().runs(product, "COMPLETED", until, 0, 1);
        Instant lastSuccessAt =
                lastSuccess.isEmpty() ? null : lastSuccess.getFirst().endedAt();
        List<RecentRuns.Run> out = runs.stream().map(RecentRunsTool::run).toList();
        if (total == 0) {
            return ToolOutput.noData("no runs recorded for " + product + (state == null ? "" : " in state " + state)
                    + "; its jobs have sent no OpenLineage events");
        }
        // job names come from the events as freely as error messages do: both are fenced
        return Results.ok(new RecentRuns(product, lastSuccessAt, out, total, out.size(), page.next(total, out.size())));
    }

    private static RecentRuns.Run run(RunRecord r) {
        Duration d = r.duration();
        return new RecentRuns.Run(
                r.runId(),
                r.jobNamespace() + "/" + r.jobName(),
                r.state(),
                r.startedAt(),
                r.endedAt(),
                d == null ? null : d.toMillis() / 1000.0,
                r.errorMessage());
    }
}
