package dev.meshpilot.sandbox.audit;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Tampering with a SQLite audit log. */
class AuditTamperTest extends AuditTamperBehaviour {
    @TempDir
    Path tmp;

    @Override
    AuditEngine freshEngine() {
        return new AuditEngine.Sqlite(tmp.resolve("audit.db"));
    }
}
