package dev.meshpilot.mesh.openlineage;

import java.util.Map;
import java.util.UUID;

/**
 * Reads {@code run.facets}: {@code parent} (its {@code run.runId} must be a UUID, its {@code job} needs
 * {@code namespace} and {@code name}) and {@code errorMessage} ({@code message} required); every other facet
 * is kept as received.
 */
final class RunFacetReader {
    private RunFacetReader() {}

    static RunFacets read(Cursor container) {
        Map<String, Cursor> facets = FacetContainer.facets(container);
        if (facets.isEmpty()) {
            return RunFacets.EMPTY;
        }
        Cursor parent = facets.get("parent");
        Cursor error = facets.get("errorMessage");
        return new RunFacets(
                parent == null ? null : parent(parent),
                error == null ? null : errorMessage(error),
                FacetContainer.raw(facets));
    }

    static ParentRunFacet parent(Cursor facet) {
        Cursor run = facet.object("run", true, "an object with runId");
        UUID runId = run == null ? null : run.uuid("runId");
        Cursor job = facet.object("job", true, "an object with namespace and name");
        String namespace = job == null ? null : job.name("namespace");
        String name = job == null ? null : job.name("name");
        Cursor root = facet.object("root", false, "");
        if (root != null) {
            Cursor rootRun = root.object("run", true, "an object with runId");
            if (rootRun != null) {
                rootRun.uuid("runId");
            }
            Cursor rootJob = root.object("job", true, "an object with namespace and name");
            if (rootJob != null) {
                rootJob.name("namespace");
                rootJob.name("name");
            }
        }
        return runId == null || namespace == null || name == null ? null : new ParentRunFacet(runId, namespace, name);
    }

    static ErrorMessageFacet errorMessage(Cursor facet) {
        String message = facet.text("message", true);
        String language = facet.text("programmingLanguage", false);
        String stackTrace = facet.text("stackTrace", false);
        return message == null ? null : new ErrorMessageFacet(message, language, stackTrace);
    }
}
