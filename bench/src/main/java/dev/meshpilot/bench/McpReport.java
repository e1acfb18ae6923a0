package dev.meshpilot.bench;

/** The side-by-side table: Meshpilot's real tool, its fixture, the reference, and the ratios. */
final class McpReport {
    private final StringBuilder rows = new StringBuilder();

    void row(String what, double mesh, double fixture, double reference) {
        rows.append(String.format(
                "| %s | %s | %s | %s | %s | %s |%n",
                what,
                number(mesh),
                number(fixture),
                number(reference),
                ratio(mesh, reference),
                ratio(fixture, reference)));
    }

    String markdown() {
        return "| measurement | Meshpilot `get_data_product` | Meshpilot `test_simple_text` | reference `echo` "
                + "| ratio (real tool) | ratio (fixture) |\n|---|---|---|---|---|---|\n" + rows
                + "\nratios are Meshpilot / reference: above 1 is better for calls/s, below 1 for milliseconds.\n";
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "—" : v >= 100 ? String.format("%,.0f", v) : String.format("%.3f", v);
    }

    private static String ratio(double mesh, double reference) {
        return Double.isNaN(mesh) ? "—" : String.format("%.2f×", mesh / reference);
    }
}
