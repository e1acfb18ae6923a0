package dev.meshpilot.mesh.migration;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Semantic versions of contracts: which bump two versions make, and which bump a change needs. */
public final class SemVer {
    private static final Pattern VERSION = Pattern.compile("v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:[-+].*)?");

    /** A version bump, least first. */
    public enum Bump {
        NONE,
        PATCH,
        MINOR,
        MAJOR;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The bump a change of this severity needs: breaking major, review minor, compatible patch. */
        static Bump needed(Severity s) {
            return switch (s) {
                case BREAKING -> MAJOR;
                case REVIEW -> MINOR;
                case COMPATIBLE -> PATCH;
                case OFF -> NONE;
            };
        }
    }

    private SemVer() {}

    /** The bump from {@code from} to {@code to}; null when either is not a version or {@code to} is lower. */
    public static Bump between(String from, String to) {
        int[] a = parse(from);
        int[] b = parse(to);
        if (a == null || b == null) {
            return null;
        }
        for (int i = 0; i < 3; i++) {
            if (b[i] != a[i]) {
                return b[i] < a[i] ? null : Bump.values()[3 - i];
            }
        }
        return Bump.NONE;
    }

    /**
     * Whether {@code made} satisfies {@code needed} from version {@code from}; below 1.0.0 a minor bump may
     * break (semver's initial development).
     */
    public static boolean satisfies(String from, Bump made, Bump needed) {
        if (made == null) {
            return needed == Bump.NONE;
        }
        int[] a = parse(from);
        Bump need = a != null && a[0] == 0 && needed == Bump.MAJOR ? Bump.MINOR : needed;
        return made.compareTo(need) >= 0;
    }

    static int[] parse(String v) {
        Matcher m = v == null ? null : VERSION.matcher(v.strip());
        if (m == null || !m.matches()) {
            return null;
        }
        return new int[] {num(m.group(1)), num(m.group(2)), num(m.group(3))};
    }

    private static int num(String s) {
        return s == null ? 0 : Integer.parseInt(s);
    }
}
