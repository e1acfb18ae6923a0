package dev.meshpilot.mesh.generate;

import java.util.List;
import java.util.Locale;

/** Word lists the synthetic mesh draws its names from, and how a name becomes a title. */
final class Names {
    static final List<String> DOMAIN_STEMS = words("sales finance marketing customers logistics inventory payments"
            + " supply people support risk pricing loyalty catalog fulfilment procurement billing fraud growth"
            + " web mobile partners stores returns shipping advertising crm treasury compliance merchandising");

    /** Domains that hold personal data; their stewards may read PII. */
    static final List<String> PERSONAL_DOMAINS = words("customers crm loyalty people support");

    /** Business entities, singular; a product name uses the plural (entity + "s"). */
    static final List<String> ENTITIES = words("order customer invoice payment refund shipment session click"
            + " campaign lead account transaction product supplier ticket employee return subscription cart price"
            + " promotion review parcel chargeback device visit booking claim quote listing");

    /** Entities about people: their products carry PII columns more often. */
    static final List<String> PERSONAL =
            words("customer lead account employee session review ticket subscription booking claim");

    static final List<String> SOURCE_VARIANTS = words("raw cdc landing feed export events");

    static final List<String> DERIVED_VARIANTS = words("daily hourly enriched snapshot summary cleaned features"
            + " metrics dedup by_region by_channel history current weekly monthly scored aggregated forecast"
            + " funnel cohorts");

    static final List<String> FIRST_NAMES = words("alice bob carla dmitri elena farid grace hiro ines jonas kemi"
            + " lars maya nikhil olga pablo quinn rosa sven tara umar vera wei ximena yusuf zoe amara bruno chen"
            + " divya");

    static final List<String> LAST_NAMES = words("ng okafor schmidt tanaka rossi haddad kowalski silva nakamura"
            + " dubois larsen mehta novak garcia ivanova osei park fischer moreau kaur costa berg ahmed lopez"
            + " yilmaz walsh santos kim weber adeyemi");

    private Names() {}

    /** {@code orders_by_region} → {@code Orders by region}. */
    static String title(String name) {
        String words = name.replace('_', ' ').replace('-', ' ');
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    /** {@code sales_03} → {@code sales-03}: ids of teams and buckets allow no underscore. */
    static String dashed(String name) {
        return name.replace('_', '-');
    }

    /** The space-separated words of {@code text}. */
    static List<String> words(String text) {
        return List.of(text.split(" "));
    }
}
