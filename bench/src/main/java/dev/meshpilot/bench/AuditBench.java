package dev.meshpilot.bench;

import dev.meshpilot.sandbox.audit.AuditEntry;
import dev.meshpilot.sandbox.audit.AuditLog;
import dev.meshpilot.sandbox.audit.PostgresTarget;
import dev.meshpilot.sandbox.audit.VerifyResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * {@code meshpilot bench audit}: durable audited appends per second, and the latency of one append (it returns
 * once committed), in the SQLite audit file and — when {@code MESHPILOT_STORE_URL} names a PostgreSQL, in a
 * scratch schema there that is dropped afterwards — in PostgreSQL; with one writer (one replica) and with two
 * writers (two replicas, each its own {@link AuditLog} and connection) sharing one chain. {@code clients}
 * callers in all, split between the writers; each run ends by verifying the chain.
 */
public final class AuditBench {
    private static final int WARMUP_SECONDS = 1;

    private AuditBench() {}

    public static void run(int clients, int seconds, Path work, PrintWriter out) throws Exception {
        out.printf("audited appends, %d s per run after %d s warm-up, durability FULL%n", seconds, WARMUP_SECONDS);
        out.printf(
                "%-11s %7s %7s %12s %10s %10s  %s%n",
                "engine", "writers", "callers", "appends/s", "p50 ms", "p99 ms", "chain");
        int[][] runs = {{1, 1}, {1, clients}, {2, clients}};
        for (int[] r : runs) {
            Path file = work.resolve("audit-" + r[0] + "w-" + r[1] + "c.db");
            report(out, "sqlite", r[0], r[1], measure(() -> AuditLog.open(file), r[0], r[1], seconds));
        }
        Optional<PostgresTarget> pg = PostgresTarget.fromEnv(System.getenv());
        if (pg.isEmpty()) {
            out.println("postgresql: skipped (set MESHPILOT_STORE_URL=jdbc:postgresql://host:port/db with "
                    + "MESHPILOT_STORE_USER and MESHPILOT_STORE_PASSWORD to measure it in a scratch schema)");
        }
        for (int[] r : pg.isPresent() ? runs : new int[0][]) {
            String schema =
                    "meshpilot_bench_audit_" + UUID.randomUUID().toString().substring(0, 8);
            sql(pg.get(), "CREATE SCHEMA " + schema);
            try {
                PostgresTarget t = inSchema(pg.get(), schema);
                report(out, "postgresql", r[0], r[1], measure(() -> AuditLog.open(t), r[0], r[1], seconds));
            } finally {
                sql(pg.get(), "DROP SCHEMA " + schema + " CASCADE");
            }
        }
        out.flush();
    }

    private record Run(long appends, double seconds, long[] nanos, VerifyResult chain) {}

    private static Run measure(Supplier<AuditLog> open, int writers, int callers, int seconds) throws Exception {
        List<AuditLog> logs = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            logs.add(open.get());
        }
        long start = System.nanoTime() + WARMUP_SECONDS * 1_000_000_000L;
        long end = start + seconds * 1_000_000_000L;
        List<long[]> perCaller = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
            List<Future<long[]>> done = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                AuditLog log = logs.get(c % writers);
                String principal = "caller-" + c;
                done.add(pool.submit(() -> append(log, principal, start, end)));
            }
            for (Future<long[]> f : done) {
                perCaller.add(f.get());
            }
        }
        logs.forEach(AuditLog::close);
        long[] all = perCaller.stream().flatMapToLong(Arrays::stream).toArray();
        VerifyResult chain;
        try (AuditLog log = open.get()) {
            chain = log.verify();
        }
        return new Run(all.length, seconds, all, chain);
    }

    /** Appends until {@code end}; the latencies of those that started after {@code start}. */
    private static long[] append(AuditLog log, String principal, long start, long end) {
        long[] nanos = new long[1024];
        int n = 0;
        for (long i = 0; ; i++) {
            long t0 = System.nanoTime();
            if (t0 >= end) {
                return Arrays.copyOf(nanos, n);
            }
            log.append(new AuditEntry(
                    Instant.now(), principal, "bench", "run-" + i, "bench_tool", "d", "ok", null, 1, 1, null));
            if (t0 >= start) {
                if (n == nanos.length) {
                    nanos = Arrays.copyOf(nanos, n * 2);
                }
                nanos[n++] = System.nanoTime() - t0;
            }
        }
    }

    private static void report(PrintWriter out, String engine, int writers, int callers, Run r) {
        out.printf(
                "%-11s %7d %7d %,12.0f %10.2f %10.2f  %s%n",
                engine,
                writers,
                callers,
                r.appends() / r.seconds(),
                Percentiles.nanos(r.nanos(), r.nanos().length, 50) / 1e6,
                Percentiles.nanos(r.nanos(), r.nanos().length, 99) / 1e6,
                r.chain().valid()
                        ? r.chain().checked() + " records intact"
                        : "BROKEN at " + r.chain().firstBrokenSeq() + ": "
                                + r.chain().problem());
        out.flush();
    }

    private static PostgresTarget inSchema(PostgresTarget t, String schema) {
        String sep = t.url().contains("?") ? "&" : "?";
        return new PostgresTarget(t.url() + sep + "currentSchema=" + schema, t.user(), t.password());
    }

    private static void sql(PostgresTarget t, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(t.url(), t.user(), t.password());
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
