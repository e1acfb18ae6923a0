package dev.meshpilot.sandbox.audit;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A replica for {@link AuditLogBehaviour}, run as a child JVM: appends to the log its arguments name
 * ({@code sqlite <file>} or {@code postgres <url>}, credentials from {@code MESHPILOT_TEST_POSTGRES_USER} and
 * {@code _PASSWORD}) from four threads, forever, printing {@code <seq> <run id>} for each append once it returned.
 */
final class AuditAppender {
    private AuditAppender() {}

    public static void main(String[] args) {
        AuditLog log = args[0].equals("sqlite")
                ? AuditLog.open(Path.of(args[1]))
                : AuditLog.open(new PostgresTarget(
                        args[1],
                        System.getenv("MESHPILOT_TEST_POSTGRES_USER"),
                        System.getenv("MESHPILOT_TEST_POSTGRES_PASSWORD")));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            String writer = "child-" + t;
            pool.submit(() -> {
                for (long i = 0; ; i++) {
                    AuditRecord r = log.append(AuditFixture.entry("child", "tool", "ok", writer + "-" + i));
                    synchronized (System.out) {
                        System.out.println(r.seq() + " " + r.entry().runId());
                        System.out.flush();
                    }
                }
            });
        }
    }
}
