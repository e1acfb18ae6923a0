package dev.meshpilot.server.auth;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The DNS-rebinding guard: a request's {@code Host} must name this machine by a loopback name (or the bind
 * address, or a configured host), and a browser's {@code Origin}, when sent, must be a loopback origin or a
 * configured one. Anything else is refused (403) before authentication. Entries ending in {@code :*} allow
 * any port; loopback names always do. Immutable.
 */
public final class HeaderGuard {
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final List<String> hosts;
    private final List<String> origins;

    public HeaderGuard(String bindHost, List<String> allowedHosts, List<String> allowedOrigins) {
        List<String> h = new ArrayList<>(allowedHosts);
        if (bindHost != null && !bindHost.equals("0.0.0.0") && !bindHost.equals("::")) {
            h.add(bindHost + ":*");
        }
        this.hosts = List.copyOf(h);
        this.origins = List.copyOf(allowedOrigins);
    }

    /** Why the request is refused, or null when its headers are acceptable. */
    public String refusal(String host, String origin) {
        if (host == null || host.isBlank() || !hostAllowed(host.strip().toLowerCase(Locale.ROOT))) {
            return "Host header not allowed: this server answers only to loopback names (DNS-rebinding guard); "
                    + "add the name to mcp.allowedHosts to allow it";
        }
        if (origin != null && !origin.isBlank() && !originAllowed(origin.strip().toLowerCase(Locale.ROOT))) {
            return "Origin not allowed (DNS-rebinding guard); add it to mcp.allowedOrigins to allow it";
        }
        return null;
    }

    private boolean hostAllowed(String host) {
        return LOOPBACK.contains(hostName(host)) || matches(hosts, host);
    }

    private boolean originAllowed(String origin) {
        if (matches(origins, origin)) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            String scheme = uri.getScheme();
            String host = uri.getHost();
            return ("http".equals(scheme) || "https".equals(scheme))
                    && host != null
                    && LOOPBACK.contains(host.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean matches(List<String> allowed, String value) {
        for (String a : allowed) {
            String entry = a.toLowerCase(Locale.ROOT);
            if (entry.equals(value)) {
                return true;
            }
            if (entry.endsWith(":*")) {
                String base = entry.substring(0, entry.length() - 2);
                if (value.equals(base) || value.startsWith(base + ":")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The host without its port: {@code [::1]:8080} → {@code [::1]}, {@code localhost:80} → {@code localhost}. */
    static String hostName(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.indexOf(':');
        return colon < 0 || host.indexOf(':', colon + 1) >= 0 ? host : host.substring(0, colon);
    }
}
