package dev.meshpilot.sandbox.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One executor serves many threads at once; each call sees its own policy, never another's. */
class ConcurrentCallsTest {
    @TempDir
    Path dir;

    @Test
    void should_keep_each_callers_masks_when_calls_run_in_parallel() throws Exception {
        ReadOnlySql sql = ReadOnlySql.open(TestWarehouse.build(dir, 1), SqlLimits.defaults());
        String query = "SELECT email FROM customers WHERE id = 5";
        List<Future<Boolean>> calls = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 200; i++) {
                boolean pii = i % 2 == 0;
                calls.add(pool.submit(() -> {
                    SqlResult r = sql.execute(pii ? TestWarehouse.pii() : TestWarehouse.masked(), query);
                    Object email = r.rows().get(0).get(0);
                    return email.equals(pii ? TestWarehouse.email(5, 1) : MaskingViews.MASK);
                }));
            }
            for (Future<Boolean> call : calls) {
                assertThat(call.get()).isTrue();
            }
        }
        assertThat(sql.executions()).isEqualTo(200);
    }
}
