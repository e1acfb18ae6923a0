package dev.meshpilot.tools.anomaly;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.activity.Recorded;
import dev.meshpilot.mesh.anomaly.detect.DetectorSettings;
import dev.meshpilot.mesh.lineage.LineageGraph.Direction;
import dev.meshpilot.mesh.store.Json;
import dev.meshpilot.mesh.view.ProductView;
import dev.meshpilot.sandbox.principal.AccessPolicy;
import dev.meshpilot.sandbox.principal.Resource;
import dev.meshpilot.sandbox.principal.Scope;
import dev.meshpilot.sandbox.tool.ToolContext;
import dev.meshpilot.sandbox.tool.ToolDeclaration;
import dev.meshpilot.sandbox.tool.ToolOutput;
import dev.meshpilot.tools.MeshView;
import dev.meshpilot.tools.support.Args;
import dev.meshpilot.tools.support.MeshTool;
import dev.meshpilot.tools.support.OutputSchemas;
import dev.meshpilot.tools.support.Page;
import dev.meshpilot.tools.support.ProductRefs;
import dev.meshpilot.tools.support.Results;
import dev.meshpilot.tools.support.Schema;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code scan_metrics}: the anomaly detector run where the metrics live, over a page of the products of the
 * mesh, a domain or a list, returning only the anomalies — so a sweep over thousands of products is a handful of
 * audited calls, where {@code metric_history} would be one per product and far more bytes than a result may
 * hold. A page ends after {@code limit} products, or earlier once its anomalies reach about {@link #MAX_BYTES}
 * of JSON or it has worked {@link #PAGE_NANOS}; the next page starts at {@code nextCursor}.
 */
public final class ScanMetricsTool extends MeshTool {
    public static final String NAME = "scan_metrics";
    static final int MAX_BYTES = 40 * 1024;
    static final int MAX_ANOMALIES = 150;
    /** A page ends after this much work, well inside the gate's default 10 s timeout. */
    static final long PAGE_NANOS = 2_500_000_000L;
    /** The window judged when none is given: the week up to {@code until}. */
    static final Duration WINDOW = Duration.ofDays(7);

    private static final int DEFAULT_LIMIT = 2000;
    private static final int MAX_LIMIT = 10_000;
    private static final int MAX_LISTED = 1000;

    private final MeshView mesh;

    public ScanMetricsTool(MeshView mesh) {
        super(ToolDeclaration.builder(
                        NAME,
                        "Runs the anomaly detector (seasonal robust baselines, level shifts, exclusion windows and "
                                + "settings from anomalies.yaml, staleness, schema changes) over every metric series of "
                                + "a page of products — the mesh, a domain, or a list of product ids — and returns only "
                                + "the anomalies in the window, with each anomalous product's criticality, owner and "
                                + "downstream count. Page with cursor until nextCursor is null.",
                        Page.arguments(
                                        Schema.input()
                                                .optional(
                                                        "domain", Schema.string(1, 100, "Only this domain's products."))
                                                .optional(
                                                        "products",
                                                        Schema.array(
                                                                Schema.productId("Product id."),
                                                                "Only these products (at most 1000)."))
                                                .optional(
                                                        "since",
                                                        Schema.string(
                                                                1,
                                                                40,
                                                                "Start of the window, ISO-8601 (default until - 7 days)."))
                                                .optional(
                                                        "window",
                                                        Schema.string(
                                                                2,
                                                                40,
                                                                "Length of the window when since is not given, ISO-8601 (default P7D)."))
                                                .optional(
                                                        "until",
                                                        Schema.string(
                                                                1,
                                                                40,
                                                                "End of the window, ISO-8601 (default the mesh's asOf)."))
                                                .optional(
                                                        "historySince",
                                                        Schema.string(
                                                                1,
                                                                40,
                                                                "Read training points from this ISO-8601 instant (default all history).")),
                                        DEFAULT_LIMIT,
                                        MAX_LIMIT)
                                .build())
                .outputSchema(OutputSchemas.of(MetricScan.class))
                .scopes(Scope.METRICS_READ)
                .build());
        this.mesh = mesh;
    }

    private record Scanned(int judged, List<MetricScan.Product> found) {}

    private Scanned scan(
            ToolContext context, List<String> slice, ProductAnomalies detector, Instant historySince, Instant until) {
        List<MetricScan.Product> found = new ArrayList<>();
        int judged = 0;
        int anomalies = 0;
        long bytes = 0;
        long stop = System.nanoTime() + PAGE_NANOS;
        for (String id : slice) {
            if (bytes >= MAX_BYTES
                    || anomalies >= MAX_ANOMALIES
                    || System.nanoTime() > stop
                    || context.cancelled().getAsBoolean()) {
                break;
            }
            Optional<Recorded> history = mesh.histories().read(id, historySince, until);
            judged++;
            if (history.isEmpty()) {
                continue;
            }
            List<MetricAnomaly> events = detector.judge(id, history.get());
            if (events.isEmpty()) {
                continue;
            }
            ProductView view = mesh.productViews().get(id).orElseThrow();
            MetricScan.Product p = new MetricScan.Product(
                    id,
                    view.criticality(),
                    view.owner(),
                    mesh.lineage().products(id, Direction.DOWNSTREAM, 10).size(),
                    events);
            found.add(p);
            anomalies += events.size();
            bytes += Json.write(p).getBytes(StandardCharsets.UTF_8).length;
        }
        return new Scanned(judged, found);
    }

    /** A list names its products; a domain or the mesh is checked per product (metrics:read somewhere). */
    @Override
    public List<Resource> resources(JsonNode args) {
        return Args.strings(args, "products").stream()
                .map(ProductRefs::resource)
                .toList();
    }

    @Override
    protected ToolOutput execute(ToolContext context, JsonNode args) {
        Page page = Page.of(args, NAME, DEFAULT_LIMIT, MAX_LIMIT);
        Optional<String> domain = Args.string(args, "domain");
        List<String> listed = Args.strings(args, "products");
        if (listed.size() > MAX_LISTED) {
            return ToolOutput.error("products lists " + listed.size() + " ids; give at most " + MAX_LISTED
                    + ", or a domain, or none for the whole mesh");
        }
        for (String id : listed) {
            if (!mesh.productViews().exists(id)) {
                return ToolOutput.error(ProductRefs.unknown(id, mesh.products().list()));
            }
        }
        if (domain.isPresent() && mesh.products().domain(domain.get()).isEmpty()) {
            return ToolOutput.error("no domain '" + domain.get() + "'; scan_metrics without a domain scans them all");
        }
        Instant until = Args.instant(args, "until").orElseGet(mesh::asOf);
        Duration window;
        try {
            window = Args.string(args, "window").map(Duration::parse).orElse(WINDOW);
        } catch (java.time.format.DateTimeParseException e) {
            return ToolOutput.error("window '" + Args.string(args, "window").orElse("")
                    + "' is not an ISO-8601 duration; give e.g. P7D or PT6H");
        }
        if (window.isNegative() || window.isZero()) {
            return ToolOutput.error("window must be positive, e.g. P7D");
        }
        Instant since = Args.instant(args, "since").orElse(until.minus(window));
        Instant historySince = Args.instant(args, "historySince").orElse(null);
        List<String> all = listed.isEmpty()
                ? mesh.productViews().list().stream()
                        .filter(p -> domain.map(p.domain().id()::equals).orElse(true))
                        .map(ProductView::id)
                        .filter(id -> AccessPolicy.check(
                                        context.principal(), Scope.METRICS_READ, ProductRefs.resource(id))
                                .allowed())
                        .sorted(Comparator.naturalOrder())
                        .toList()
                : listed.stream().distinct().toList();
        ProductAnomalies detector = new ProductAnomalies(DetectorSettings.DEFAULT, since, until);
        List<String> slice = page.slice(all);
        mesh.histories().refresh();
        // one connection for the page: the reads of products not held in memory reuse it
        Scanned scanned = mesh.store().withHandle(h -> scan(context, slice, detector, historySince, until));
        int judged = scanned.judged();
        List<MetricScan.Product> found = scanned.found();
        if (judged == 0 && !slice.isEmpty()) {
            return ToolOutput.error("the gate's timeout ran out before the first product was scanned");
        }
        return Results.ok(new MetricScan(
                mesh.asOf(),
                since,
                until,
                all.size(),
                judged,
                judged == 0 ? null : slice.getFirst(),
                judged == 0 ? null : slice.get(judged - 1),
                found,
                detector.series(),
                detector.points(),
                detector.shortHistory(),
                detector.excludedPoints(),
                Overrides.describe(DetectorSettings.DEFAULT),
                page.next(all.size(), judged)));
    }
}
