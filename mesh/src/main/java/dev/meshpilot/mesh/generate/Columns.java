package dev.meshpilot.mesh.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws a product's 5–15 columns: a primary key named after its entity, then business columns, and for
 * some products (mostly those about people) one to three columns classified {@code pii}.
 */
final class Columns {
    private record Kind(String name, String logicalType, String classification, String description) {}

    private static final List<Kind> COMMON = List.of(
            new Kind("created_at", "timestamp", "internal", "When the record was created"),
            new Kind("updated_at", "timestamp", "internal", "When the record last changed"),
            new Kind("event_date", "date", "public", "Business date the record belongs to"),
            new Kind("status", "string", "internal", "Lifecycle status"),
            new Kind("amount", "number", "confidential", "Gross amount in the record currency"),
            new Kind("currency", "string", "public", "ISO 4217 currency code"),
            new Kind("quantity", "integer", "internal", "Number of units"),
            new Kind("country_code", "string", "public", "ISO 3166-1 alpha-2 country"),
            new Kind("region", "string", "public", "Sales region"),
            new Kind("channel", "string", "public", "Channel the record came through"),
            new Kind("category", "string", "public", "Product category"),
            new Kind("is_active", "boolean", "internal", "Whether the record is active"),
            new Kind("unit_price", "number", "internal", "Price of one unit"),
            new Kind("discount_amount", "number", "internal", "Discount applied"),
            new Kind("tax_amount", "number", "confidential", "Tax charged"),
            new Kind("score", "number", "internal", "Model score between 0 and 1"),
            new Kind("source_system", "string", "internal", "System the record was read from"),
            new Kind("store_id", "string", "internal", "Store or site identifier"),
            new Kind("sku", "string", "public", "Stock keeping unit"),
            new Kind("line_count", "integer", "internal", "Number of lines"),
            new Kind("duration_seconds", "integer", "internal", "Duration in seconds"),
            new Kind("device_type", "string", "internal", "Device class"),
            new Kind("campaign_code", "string", "internal", "Marketing campaign code"),
            new Kind("risk_band", "string", "confidential", "Risk band A to E"),
            new Kind("margin", "number", "confidential", "Gross margin"));

    private static final List<Kind> PII = List.of(
            new Kind("email_address", "string", "pii", "Contact e-mail address"),
            new Kind("phone_number", "string", "pii", "Contact phone number"),
            new Kind("full_name", "string", "pii", "Full name of the person"),
            new Kind("date_of_birth", "date", "pii", "Date of birth"),
            new Kind("street_address", "string", "pii", "Street address"),
            new Kind("ip_address", "string", "pii", "Client IP address"),
            new Kind("postal_code", "string", "pii", "Postal code"));

    private Columns() {}

    static List<Column> draw(Rng rng, String entity, Platform platform) {
        int total = rng.between(5, 15);
        boolean personal = Names.PERSONAL.contains(entity);
        int pii = rng.chance(personal ? 0.7 : 0.08) ? rng.between(1, 3) : 0;
        List<Column> columns = new ArrayList<>(total);
        columns.add(new Column(
                entity + "_id",
                "string",
                platform.physicalType("string"),
                true,
                true,
                "internal",
                "Identifier of the " + entity.replace('_', ' ')));
        for (Kind kind : sample(rng, PII, pii)) {
            columns.add(column(rng, kind, platform));
        }
        for (Kind kind : sample(rng, COMMON, total - 1 - pii)) {
            columns.add(column(rng, kind, platform));
        }
        return List.copyOf(columns);
    }

    private static Column column(Rng rng, Kind kind, Platform platform) {
        return new Column(
                kind.name(),
                kind.logicalType(),
                platform.physicalType(kind.logicalType()),
                rng.chance(0.4),
                false,
                kind.classification(),
                kind.description());
    }

    /** {@code count} distinct kinds in list order (selection sampling keeps a stable order). */
    private static List<Kind> sample(Rng rng, List<Kind> from, int count) {
        List<Kind> out = new ArrayList<>(count);
        for (int i = 0; i < from.size() && out.size() < count; i++) {
            if (rng.nextDouble() * (from.size() - i) < count - out.size()) {
                out.add(from.get(i));
            }
        }
        return out;
    }
}
