package dev.meshpilot.mesh.store;

import java.util.ArrayList;
import java.util.List;

/**
 * SQL whose numbered parameters ({@code ?1}, {@code ?2}, ... which SQLite binds natively and which may repeat)
 * are rewritten as plain {@code ?} for drivers that only know those (PostgreSQL's): {@link #sql()} plus, for
 * each {@code ?} in order, the 1-based number of the value it takes. Text in single quotes is left alone.
 *
 * <pre>{@code
 * NumberedParameters p = NumberedParameters.of("SELECT ?1 WHERE ?2 > ?1"); // "SELECT ? WHERE ? > ?", [1, 2, 1]
 * }</pre>
 */
public record NumberedParameters(String sql, int[] sources) {
    public static NumberedParameters of(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        List<Integer> sources = new ArrayList<>();
        boolean quoted = false;
        int next = 1;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            if (c != '?' || quoted) {
                out.append(c);
                continue;
            }
            int end = i + 1;
            while (end < sql.length() && Character.isDigit(sql.charAt(end))) {
                end++;
            }
            int number = end > i + 1 ? Integer.parseInt(sql.substring(i + 1, end)) : next;
            sources.add(number);
            next = Math.max(next, number + 1); // as SQLite: a bare ? follows the largest number so far
            out.append('?');
            i = end - 1;
        }
        return new NumberedParameters(
                out.toString(), sources.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The values to bind to {@link #sql()}, in order, from the values of the numbered parameters. */
    public Object[] arguments(Object[] numbered) {
        Object[] args = new Object[sources.length];
        for (int i = 0; i < sources.length; i++) {
            args[i] = numbered[sources[i] - 1];
        }
        return args;
    }
}
