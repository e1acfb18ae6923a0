package dev.meshpilot.mesh.contract;

import static dev.meshpilot.mesh.contract.Values.ANY;
import static dev.meshpilot.mesh.contract.Values.TEXT;
import static dev.meshpilot.mesh.contract.Values.listOf;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The ODCS building blocks used all over a contract: stable ids, tags, authoritative definitions, custom
 * properties, roles, and the date and timestamp formats (which Meshpilot checks; the official schema, read
 * by a JSON Schema 2019-09 validator, only annotates them).
 */
final class OdcsCommon {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");

    /** The {@code id} of an element: letters, digits, {@code _} and {@code -}. */
    static final Rule STABLE_ID =
            Values.textWhere(s -> ID.matcher(s).matches(), "is not a valid id (use only letters, digits, '_' and '-')");

    static final Rule TAGS = listOf(TEXT);

    /** A link to the definition of something elsewhere (a business glossary, a privacy statement...). */
    static final Rule AUTHORITATIVE_DEFINITIONS = listOf(Fields.NONE
            .with("id", STABLE_ID)
            .require("url", TEXT)
            .require("type", TEXT)
            .with("description", TEXT)
            .closed());

    /** Key/value pairs for what the standard does not name: {@code property} and any {@code value}. */
    static final Rule CUSTOM_PROPERTIES = listOf(Fields.NONE
            .with("id", STABLE_ID)
            .require("property", TEXT)
            .require("value", ANY)
            .with("description", TEXT)
            .closed());

    /** A role that grants access to the data (also used by servers). */
    static final Rule ROLE = Fields.NONE
            .with("id", STABLE_ID)
            .require("role", TEXT)
            .with("description", TEXT)
            .with("access", TEXT)
            .with("firstLevelApprovers", TEXT)
            .with("secondLevelApprovers", TEXT)
            .with("customProperties", CUSTOM_PROPERTIES)
            .closed();

    static final Rule DATE = Values.textWhere(OdcsCommon::isDate, "is not a date (expected YYYY-MM-DD)");
    static final Rule DATE_TIME = Values.textWhere(
            OdcsCommon::isDateTime, "is not a timestamp (expected e.g. 2024-05-01T08:00:00Z, with a time zone)");

    private OdcsCommon() {}

    static boolean isDate(String s) {
        try {
            LocalDate.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    static boolean isDateTime(String s) {
        try {
            OffsetDateTime.parse(s.toUpperCase(Locale.ROOT));
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
