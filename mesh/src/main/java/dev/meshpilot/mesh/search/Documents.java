package dev.meshpilot.mesh.search;

import dev.meshpilot.mesh.contract.Contract;
import dev.meshpilot.mesh.contract.SchemaObject;
import dev.meshpilot.mesh.contract.SchemaProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Turns store rows into {@link SearchDocument}s: which text goes to which field, and what is embedded. */
final class Documents {
    /**
     * Text the vector is computed from is cut to this length, about 110 word pieces: MiniLM was trained on
     * 128-piece inputs, and on 2 cores 1,000 characters embedded at 12.6 docs/s against 20.6 at 500.
     */
    static final int EMBED_CHARS = 512;

    static final int SNIPPET_CHARS = 200;

    record ProductRow(
            String id,
            String domain,
            String name,
            String description,
            String owner,
            List<String> tags,
            String contractId) {}

    record RunbookRow(
            String id,
            String title,
            List<String> products,
            List<String> errorClasses,
            List<String> tags,
            String body) {}

    record IncidentRow(
            String id,
            String title,
            String productId,
            String status,
            String severity,
            String errorClass,
            String description,
            String rootCause,
            String resolution) {}

    private Documents() {}

    static SearchDocument product(ProductRow p, SearchDocuments.Catalog c) {
        Contract contract = p.contractId() == null ? null : c.contracts().get(p.contractId());
        List<String> columns = new ArrayList<>();
        List<String> columnText = new ArrayList<>();
        if (contract != null) {
            properties(contract, columns, columnText);
        }
        String team = p.owner() == null ? null : c.teams().get(p.owner());
        String domainName = c.domains().get(p.domain());
        String names = Text.join(
                " ", Text.join(" ", p.tags()), p.owner(), team, p.domain(), domainName, Text.join(" ", columns));
        String body = Text.join("\n", p.description(), Text.join("\n", columnText));
        String embed = Text.join(
                " ",
                p.name() + ".",
                p.description(),
                "Domain: " + (domainName == null ? p.domain() : domainName) + ".",
                p.tags().isEmpty() ? null : "Tags: " + String.join(", ", p.tags()) + ".",
                team == null ? null : "Owned by " + team + ".",
                columns.isEmpty() ? null : "Columns: " + String.join(", ", columns) + ".");
        return new SearchDocument(
                DocType.PRODUCT,
                p.id(),
                List.of(p.domain()),
                p.name(),
                names,
                body,
                Text.cut(embed, EMBED_CHARS),
                Text.cut(p.description(), SNIPPET_CHARS));
    }

    static SearchDocument contract(Contract k, SearchDocuments.Catalog c) {
        String domain = c.domainOfContract().get(k.id());
        if (domain == null && k.domain() != null && c.domains().containsKey(k.domain())) {
            domain = k.domain();
        }
        List<String> columns = new ArrayList<>();
        List<String> columnText = new ArrayList<>();
        properties(k, columns, columnText);
        String title = k.name() == null ? k.id() : k.name();
        String names = Text.join(" ", Text.join(" ", columns), k.dataProduct(), k.domain(), "version " + k.version());
        String body = Text.join("\n", k.description(), Text.join("\n", columnText));
        String embed = Text.join(
                " ",
                "Data contract " + title + " " + k.version() + ".",
                k.description(),
                columns.isEmpty() ? null : "Columns: " + String.join(", ", columns) + ".");
        return new SearchDocument(
                DocType.CONTRACT,
                k.id(),
                domain == null ? List.of() : List.of(domain),
                title + " " + k.version(),
                names,
                body,
                Text.cut(embed, EMBED_CHARS),
                Text.cut(k.description(), SNIPPET_CHARS));
    }

    static SearchDocument runbook(RunbookRow r, SearchDocuments.Catalog c) {
        TreeSet<String> domains = new TreeSet<>();
        r.products().forEach(p -> {
            String d = c.domainOfProduct(p);
            if (d != null) {
                domains.add(d);
            }
        });
        String names = Text.join(
                " ", Text.join(" ", r.tags()), Text.join(" ", r.products()), Text.join(" ", r.errorClasses()));
        String when = Text.section(r.body(), "When to use");
        String embed = Text.join(" ", r.title() + ".", when, Text.plain(r.body()));
        return new SearchDocument(
                DocType.RUNBOOK,
                r.id(),
                List.copyOf(domains),
                r.title(),
                names,
                r.body(),
                Text.cut(embed, EMBED_CHARS),
                Text.cut(when.isEmpty() ? Text.plain(r.body()) : when, SNIPPET_CHARS));
    }

    static SearchDocument incident(IncidentRow i, SearchDocuments.Catalog c) {
        String domain = c.domainOfProduct(i.productId());
        Documents.ProductRow product =
                i.productId() == null ? null : c.products().get(i.productId());
        String names = Text.join(
                " ", i.errorClass(), i.productId(), product == null ? null : product.name(), i.severity(), i.status());
        String body = Text.join("\n", i.description(), i.rootCause(), i.resolution());
        String embed = Text.join(
                " ",
                i.title() + ".",
                i.description(),
                i.rootCause() == null ? null : "Root cause: " + i.rootCause(),
                i.resolution() == null ? null : "Resolution: " + i.resolution());
        return new SearchDocument(
                DocType.INCIDENT,
                i.id(),
                domain == null ? List.of() : List.of(domain),
                i.title(),
                names,
                body,
                Text.cut(embed, EMBED_CHARS),
                Text.cut(i.description() == null ? i.title() : i.description(), SNIPPET_CHARS));
    }

    /** Column names (nested ones too) and "name: description" lines of every schema object of a contract. */
    private static void properties(Contract k, List<String> names, List<String> text) {
        for (SchemaObject o : k.objects()) {
            names.add(o.name());
            if (o.description() != null) {
                text.add(o.name() + ": " + o.description());
            }
            walk(o.properties(), names, text);
        }
    }

    private static void walk(List<SchemaProperty> props, List<String> names, List<String> text) {
        for (SchemaProperty p : props) {
            names.add(p.name());
            if (p.description() != null) {
                text.add(p.name() + ": " + p.description());
            }
            walk(p.properties(), names, text);
        }
    }
}
