package dev.meshpilot.server.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/** Whether a bind address is loopback: {@code localhost}, {@code 127.0.0.0/8} or {@code ::1}; no DNS lookup. */
final class Loopback {
    private Loopback() {}

    static boolean is(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) {
            return true;
        }
        boolean literal = h.matches("[0-9.]+") || h.contains(":");
        if (!literal) {
            return false;
        }
        try {
            // an IP literal is parsed, never looked up
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }
}
