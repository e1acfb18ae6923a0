package dev.meshpilot.sandbox.gate;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers the answers of a pure function of a text, so the same description, error message or runbook read
 * again (every call of a tool returns mostly the same texts between loads) costs a hash lookup instead of
 * the scanners' regular expressions. Bounded: texts longer than {@link #MAX_TEXT} characters are never kept,
 * and when {@link #MAX_ENTRIES} are held the memo starts afresh, so memory stays within a few megabytes
 * whatever the mesh holds. Only for functions whose answer depends on nothing but the text. Thread-safe.
 */
final class TextMemo<T> {
    static final int MAX_ENTRIES = 8_192;
    static final int MAX_TEXT = 4_096;

    private final Function<String, T> function;
    private final ConcurrentHashMap<String, T> answers = new ConcurrentHashMap<>();

    TextMemo(Function<String, T> function) {
        this.function = function;
    }

    T apply(String text) {
        if (text.length() > MAX_TEXT) {
            return function.apply(text);
        }
        T known = answers.get(text);
        if (known != null) {
            return known;
        }
        T answer = function.apply(text);
        if (answers.size() >= MAX_ENTRIES) {
            answers.clear();
        }
        answers.put(text, answer);
        return answer;
    }
}
