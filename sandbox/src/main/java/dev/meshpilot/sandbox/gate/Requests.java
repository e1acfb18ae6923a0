package dev.meshpilot.sandbox.gate;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The weaker evidence of {@link Instructions}: a sentence that asks for something (starts with a request
 * verb or is a question) and either speaks in the first person ("how can I", "show me") or uses none of a
 * data platform's words. Runbook steps are requests too ("Compare the row counts with yesterday"), but they
 * name tables, runs and incidents; an injected task ("Recommend a good book") names none.
 */
final class Requests {
    private static final Pattern SENTENCES = Pattern.compile("(?<=[.!?])\\s+|\\n+");
    private static final Pattern REQUEST = Pattern.compile("^\\W*(please\\s+)?((can|could|would|will) you\\b|"
            + "(write|compose|generate|create|draft|recommend|suggest|summari[sz]e|translate|analy[sz]e|describe|"
            + "explain|provide|determine|classify|help|give|tell|show|find|share|predict|evaluate|outline|name|"
            + "list(?!\\s+of\\b))\\b)");
    private static final Pattern QUESTION = Pattern.compile("^\\W*(how|what|which|why|who|where|when|is|are|can|"
            + "could|would|should|do|does|did|have|has)\\b.*\\?\\W*$");
    private static final Pattern FIRST_PERSON = Pattern.compile("(?<![\\w.])i(?![\\w.])|\\b(me|my|mine|myself)\\b");
    private static final Pattern WORD = Pattern.compile("[a-z0-9_]+");
    /** A data platform's vocabulary; a plural "s" is dropped before lookup. */
    private static final Set<String> PLATFORM = Set.of("""
            table column row schema partition dataset data product contract pipeline job run rerun dag task
            backfill extract load query sql warehouse lake bucket connector lineage upstream downstream
            consumer owner team incident ticket alert page postmortem timeline dashboard metric freshness slo
            sla null duplicate dedup quality check expectation deploy release version field record source sink
            topic kafka spark airflow dbt snowflake bigquery postgres credential vault service account customer
            order payment transaction refund invoice shipment inventory sku catalog event log error failure
            retry timeout id index view domain steward policy grant classification pii retention consent
            latency volume count snapshot ingestion stream batch cluster executor memory stage commit endpoint
            webhook scheduler oncall
            """.strip().split("\\s+"));

    private Requests() {}

    /** Whether some sentence of the (normalized) text is a request that reads as addressed to an assistant. */
    static boolean anyAddressedToAssistant(String normalized) {
        for (String sentence : SENTENCES.split(normalized)) {
            boolean asks = REQUEST.matcher(sentence).find()
                    || QUESTION.matcher(sentence.strip()).matches();
            if (asks && (FIRST_PERSON.matcher(sentence).find() || !mentionsPlatform(sentence))) {
                return true;
            }
        }
        return false;
    }

    /** Words split at hyphens ("warehouse-db") and joined across them ("on-call" as "oncall"). */
    private static boolean mentionsPlatform(String sentence) {
        return mentions(sentence) || (sentence.indexOf('-') >= 0 && mentions(sentence.replace("-", "")));
    }

    private static boolean mentions(String sentence) {
        Matcher m = WORD.matcher(sentence);
        while (m.find()) {
            String w = m.group();
            if (PLATFORM.contains(w) || (w.endsWith("s") && PLATFORM.contains(w.substring(0, w.length() - 1)))) {
                return true;
            }
        }
        return false;
    }
}
