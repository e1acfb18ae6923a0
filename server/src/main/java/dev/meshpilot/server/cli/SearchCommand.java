package dev.meshpilot.server.cli;

import dev.meshpilot.mesh.search.DocType;
import dev.meshpilot.mesh.search.SearchHit;
import dev.meshpilot.mesh.search.SearchMode;
import dev.meshpilot.mesh.search.SearchQuery;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.server.wiring.Sandbox;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code meshpilot search QUERY}: hybrid search over the catalog, from the command line. */
@Command(
        name = "search",
        mixinStandardHelpOptions = true,
        description =
                "Search products, contracts, runbooks and incidents by keywords and meaning (BM25 + local embeddings).")
final class SearchCommand extends StoreCommand {
    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "What to look for.")
    List<String> words;

    @Option(
            names = "--type",
            split = ",",
            paramLabel = "TYPE",
            description = "Only these kinds: product, contract, runbook, incident.")
    List<String> types = List.of();

    @Option(names = "--domain", split = ",", paramLabel = "DOMAIN", description = "Only these domains.")
    List<String> domains = List.of();

    @Option(names = "--limit", defaultValue = "10", description = "How many hits (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--mode", defaultValue = "hybrid", description = "hybrid (default), bm25 or vector.")
    String mode;

    @Override
    public Integer call() {
        Set<DocType> kinds = new LinkedHashSet<>();
        types.forEach(t -> kinds.add(DocType.parse(t)));
        SearchMode m = switch (mode) {
            case "hybrid" -> SearchMode.HYBRID;
            case "bm25" -> SearchMode.BM25;
            case "vector" -> SearchMode.VECTOR;
            default ->
                throw new picocli.CommandLine.ParameterException(
                        spec.commandLine(), "--mode must be hybrid, bm25 or vector, not '" + mode + "'");
        };
        MeshStore store = home.openStore();
        try (Sandbox sandbox = Sandbox.open(home.home(), store)) {
            List<SearchHit> hits = sandbox.index()
                    .search(new SearchQuery(String.join(" ", words), kinds, new LinkedHashSet<>(domains), limit, m));
            if (format == Format.json) {
                Output.json(out(), hits);
                return 0;
            }
            List<List<String>> rows = new ArrayList<>();
            for (SearchHit h : hits) {
                rows.add(List.of(h.type().wireName(), h.id(), h.domain() == null ? "" : h.domain(), h.title()));
            }
            Output.table(out(), List.of("type", "id", "domain", "title"), rows);
            out().printf("(%d hits, %s)%n", hits.size(), mode);
            return 0;
        }
    }
}
