package dev.meshpilot.sandbox.audit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Tampering with an audit log in PostgreSQL. */
class AuditTamperPostgresTest extends AuditTamperBehaviour {
    static PostgresSchema schema;

    @BeforeAll
    static void schema() {
        schema = PostgresSchema.create("audit_tamper_test");
    }

    @AfterAll
    static void drop() throws Exception {
        if (schema != null) {
            schema.close();
        }
    }

    @Override
    AuditEngine freshEngine() throws Exception {
        schema.reset();
        return new AuditEngine.Postgres(schema.target());
    }
}
