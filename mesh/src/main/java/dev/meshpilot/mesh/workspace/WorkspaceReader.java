package dev.meshpilot.mesh.workspace;

import dev.meshpilot.core.Progress;
import dev.meshpilot.mesh.contract.ContractValidation;
import dev.meshpilot.mesh.product.Domain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Walks a workspace folder and reads every file it knows, in parallel, collecting every problem. */
final class WorkspaceReader {
    private final Path root;
    private final Problems problems;
    private final Workspace ws;
    private final ContractValidation validation;

    private WorkspaceReader(Path root, Problems problems, ContractValidation validation) {
        this.root = root;
        this.problems = problems;
        this.ws = new Workspace(root);
        this.validation = validation;
    }

    static Workspace read(Path root, Problems problems, Progress progress, ContractValidation validation) {
        WorkspaceReader reader = new WorkspaceReader(root, problems, validation);
        reader.readAll(progress);
        return reader.ws;
    }

    private void readAll(Progress progress) {
        Path meshFile = root.resolve("meshpilot.yaml");
        if (!Files.isRegularFile(meshFile)) {
            problems.add("meshpilot.yaml", 0, "", "missing: a workspace needs meshpilot.yaml at its root");
        } else {
            yaml(meshFile, doc -> MeshFileReader.read(doc, ws, problems));
        }
        List<Runnable> work = new ArrayList<>();
        for (Path domainDir : list(root.resolve("domains"), Files::isDirectory)) {
            work.add(() -> readDomain(domainDir));
        }
        for (Path f : walk("contracts", ".odcs.yaml", ".odcs.yml")) {
            work.add(() -> yaml(f, doc -> ContractReader.read(doc, ws, problems, validation)));
        }
        for (Path f : walk("policies", ".yaml", ".yml")) {
            work.add(() -> yaml(f, doc -> PolicyReader.read(doc, ws, problems)));
        }
        for (Path f : walk("runbooks", ".md")) {
            work.add(() -> RunbookReader.read(rel(f), text(f), ws, problems));
        }
        Path observed = root.resolve("observed");
        addObserved(work, observed.resolve("incidents.yaml"), doc -> ObservedReader.incidents(doc, ws, problems));
        addObserved(work, observed.resolve("grants.yaml"), doc -> ObservedReader.grants(doc, ws, problems));
        addObserved(work, observed.resolve("schemas.yaml"), doc -> ObservedReader.schemas(doc, ws, problems));
        addObserved(work, observed.resolve("retention.yaml"), doc -> ObservedReader.retention(doc, ws, problems));
        addObserved(work, root.resolve(AnomalyRulesReader.FILE), doc -> AnomalyRulesReader.read(doc, ws, problems));
        ws.eventFiles.addAll(walk("observed/events", ".json", ".ndjson"));
        AtomicLong done = new AtomicLong();
        work.parallelStream().forEach(task -> {
            task.run();
            progress.update("read", done.incrementAndGet(), work.size());
        });
    }

    private void addObserved(List<Runnable> work, Path file, Consumer<YamlDoc> reader) {
        if (Files.isRegularFile(file)) {
            work.add(() -> yaml(file, reader));
        }
    }

    private void readDomain(Path dir) {
        String folder = dir.getFileName().toString();
        Path domainFile = dir.resolve("domain.yaml");
        if (!Files.isRegularFile(domainFile)) {
            problems.add(rel(dir), 0, "", "missing domain.yaml: every folder under domains/ is a domain");
            return;
        }
        Domain[] domain = new Domain[1];
        yaml(domainFile, doc -> domain[0] = ProductReader.domain(doc, folder, ws, problems));
        if (domain[0] == null) {
            return;
        }
        for (Path f : list(dir.resolve("products"), p -> p.toString().endsWith(".yaml"))) {
            String name = f.getFileName().toString().replaceFirst("\\.yaml$", "");
            yaml(f, doc -> ProductReader.product(doc, domain[0], name, ws, problems));
        }
    }

    private void yaml(Path file, Consumer<YamlDoc> reader) {
        YamlDoc doc = YamlDoc.parse(rel(file), text(file), problems);
        if (doc != null) {
            reader.accept(doc);
        }
    }

    private String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(rel(file), 0, "", "cannot read: " + e.getMessage());
            return "";
        }
    }

    String rel(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private List<Path> walk(String folder, String... suffixes) {
        Path dir = root.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> Stream.of(suffixes)
                            .anyMatch(s -> p.getFileName().toString().endsWith(s)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> list(Path dir, java.util.function.Predicate<Path> filter) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(filter).sorted(Comparator.naturalOrder()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
