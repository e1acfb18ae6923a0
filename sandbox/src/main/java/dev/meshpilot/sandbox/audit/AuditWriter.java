package dev.meshpilot.sandbox.audit;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that writes the audit log: takes what is queued (up to {@link #MAX_BATCH}), numbers and
 * chains the records, commits them in one transaction, then completes their futures.
 */
final class AuditWriter implements Runnable {
    static final int MAX_BATCH = 1_000;

    private record Pending(AuditEntry entry, CompletableFuture<AuditRecord> done) {}

    private final Connection connection;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closing;
    private long seq;
    private String lastHash;

    private AuditWriter(Connection connection) throws SQLException {
        this.connection = connection;
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1")) {
            seq = rs.next() ? rs.getLong(1) : 0;
            lastHash = seq == 0 ? Chain.GENESIS : rs.getString(2);
        }
        connection.commit();
        this.thread =
                Thread.ofPlatform().daemon().name("meshpilot-audit-writer").unstarted(this);
    }

    static AuditWriter start(Connection connection) throws SQLException {
        AuditWriter writer = new AuditWriter(connection);
        writer.thread.start();
        return writer;
    }

    CompletableFuture<AuditRecord> submit(AuditEntry entry) {
        CompletableFuture<AuditRecord> done = new CompletableFuture<>();
        if (closing) {
            done.completeExceptionally(new MeshpilotException(ErrorCode.STORE_FAILED, "the audit log is closed"));
            return done;
        }
        queue.add(new Pending(entry, done));
        return done;
    }

    @Override
    public void run() {
        List<Pending> batch = new ArrayList<>();
        while (!closing || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        long startSeq = seq;
        String startHash = lastHash;
        List<AuditRecord> records = new ArrayList<>(batch.size());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit (seq, time, principal, agent, "
                + "run_id, tool, args_digest, decision, reason, duration_us, output_bytes, prompt_version, prev_hash, "
                + "hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Pending p : batch) {
                AuditEntry e = p.entry();
                long next = seq + 1;
                String hash = Chain.hash(next, lastHash, e);
                Rows.bind(insert, next, e, lastHash, hash);
                insert.addBatch();
                records.add(new AuditRecord(next, e, lastHash, hash));
                seq = next;
                lastHash = hash;
            }
            insert.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            seq = startSeq;
            lastHash = startHash;
            rollback();
            MeshpilotException failure =
                    new MeshpilotException(ErrorCode.STORE_FAILED, "audit write failed: " + e.getMessage(), e);
            batch.forEach(p -> p.done().completeExceptionally(failure));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done().complete(records.get(i));
        }
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the failed transaction is gone either way
        }
    }

    void close() {
        closing = true;
        try {
            thread.join();
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException ignored) {
            // closing; nothing is pending
        }
    }
}
