package dev.meshpilot.mesh.openlineage;

/** The descriptions of incidents opened by events. */
final class IncidentText {
    private IncidentText() {}

    static String runFailed(RunEvent e) {
        ErrorMessageFacet error = e.run().facets().errorMessage();
        String message = error == null ? "The run failed (the event has no errorMessage facet)." : error.message();
        return message + "\n\n" + where(e);
    }

    static String qualityFailed(RunEvent e, Ref dataset, DataQualityAssertionsFacet.Assertion a) {
        StringBuilder sb = new StringBuilder("Assertion ")
                .append(a.assertion())
                .append(" failed on ")
                .append(dataset);
        if (a.column() != null) {
            sb.append(", column ").append(a.column());
        }
        if (a.expected() != null || a.actual() != null) {
            sb.append(": expected ").append(a.expected()).append(", actual ").append(a.actual());
        }
        if (a.severity() != null) {
            sb.append(" (severity ").append(a.severity()).append(')');
        }
        return sb.append(".\n\n").append(where(e)).toString();
    }

    private static String where(RunEvent e) {
        return "Job " + e.job().namespace() + "/" + e.job().name() + ", run "
                + e.run().runId() + ", event " + e.eventType() + " at " + Times.format(e.eventTime()) + ".";
    }
}
