package dev.meshpilot.sandbox.sql;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A small warehouse built for the tests: {@code customers} with PII ({@code email}, {@code phone},
 * {@code birth_date}; a virtual generated column before them so storage numbering matters), an index on
 * {@code email}, {@code orders}, two {@code WITHOUT ROWID} tables ({@code customer_phones}, where the phone
 * is stored after the key, and {@code phone_book}, keyed by the phone), a
 * {@code canary} table no policy may read, views stored in main (some naming {@code main.} to bypass the
 * masks, which the program check must catch) and an FTS5 virtual table. The PII values depend on
 * {@code seed}; everything else does not, so two warehouses differ only in PII.
 */
final class TestWarehouse {
    static final int CUSTOMERS = 40;
    static final String CANARY = "canary-untouched";

    private TestWarehouse() {}

    static Path build(Path dir, int seed) throws SQLException {
        Path file = dir.resolve("warehouse-" + seed + ".db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            st.executeUpdate("""
                    CREATE TABLE customers(
                      id INTEGER PRIMARY KEY, name TEXT NOT NULL,
                      name_upper TEXT GENERATED ALWAYS AS (upper(name)) VIRTUAL,
                      email TEXT, phone TEXT, birth_date TEXT, country TEXT NOT NULL);
                    CREATE INDEX customers_email ON customers(email);
                    CREATE INDEX customers_country_pii ON customers(country) WHERE email LIKE '%pii%';
                    CREATE TABLE orders(order_id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL,
                      amount REAL NOT NULL, status TEXT NOT NULL, ordered_at TEXT NOT NULL);
                    CREATE TABLE customer_phones(phone TEXT, customer_id INTEGER NOT NULL, label TEXT NOT NULL,
                      PRIMARY KEY (customer_id, label)) WITHOUT ROWID;
                    CREATE TABLE phone_book(phone TEXT PRIMARY KEY, customer_id INTEGER NOT NULL) WITHOUT ROWID;
                    CREATE TABLE canary(id INTEGER PRIMARY KEY, note TEXT NOT NULL);
                    CREATE VIRTUAL TABLE notes_fts USING fts5(body);
                    CREATE VIEW customer_contacts AS
                      SELECT c.id, c.name, c.email, o.amount FROM customers c JOIN orders o ON o.customer_id = c.id;
                    CREATE VIEW raw_emails AS SELECT id, email FROM main.customers;
                    CREATE VIEW raw_phone_owners AS SELECT phone, customer_id, label FROM main.customer_phones;
                    CREATE VIEW raw_email_count AS SELECT count(*) AS n FROM main.customers WHERE email > 'pq5';
                    CREATE VIEW raw_domains AS
                      SELECT substr(email, instr(email, '@') + 1) AS domain FROM main.customers NOT INDEXED;
                    CREATE VIEW canary_view AS SELECT * FROM canary;
                    CREATE VIEW raw_partial AS SELECT id FROM main.customers INDEXED BY customers_country_pii
                      WHERE country = 'DE' AND email LIKE '%pii%';
                    """);
            st.executeUpdate("INSERT INTO canary VALUES (1, '" + CANARY + "')");
            st.executeUpdate("INSERT INTO notes_fts VALUES ('a note')");
            insertCustomers(c, seed);
            for (int i = 1; i <= 120; i++) {
                st.executeUpdate(String.format(
                        java.util.Locale.ROOT,
                        "INSERT INTO orders VALUES (%d, %d, %.2f, '%s', '2026-11-%02d')",
                        i,
                        i % CUSTOMERS + 1,
                        i * 1.5,
                        i % 3 == 0 ? "shipped" : "paid",
                        i % 28 + 1));
            }
        }
        return file;
    }

    private static void insertCustomers(Connection c, int seed) throws SQLException {
        String sql = "INSERT INTO customers(id, name, email, phone, birth_date, country) VALUES (?, ?, ?, ?, ?, ?)";
        try (PreparedStatement customers = c.prepareStatement(sql);
                PreparedStatement phones = c.prepareStatement("INSERT INTO customer_phones VALUES (?, ?, ?)");
                PreparedStatement book = c.prepareStatement("INSERT INTO phone_book VALUES (?, ?)")) {
            for (int id = 1; id <= CUSTOMERS; id++) {
                customers.setInt(1, id);
                customers.setString(2, "Customer " + id);
                customers.setString(3, email(id, seed));
                customers.setString(4, phone(id, seed));
                customers.setString(5, birthDate(id, seed));
                customers.setString(6, id % 2 == 0 ? "DE" : "FR");
                customers.executeUpdate();
                if (id <= 20) {
                    phones.setString(1, phone(id, seed));
                    phones.setInt(2, id);
                    phones.setString(3, id % 2 == 0 ? "mobile" : "home");
                    phones.executeUpdate();
                    book.setString(1, phone(id, seed));
                    book.setInt(2, id);
                    book.executeUpdate();
                }
            }
        }
    }

    /** Distinct per id, ordered differently from the ids, and different for each seed. */
    static String email(int id, int seed) {
        return "pq" + hash(id, seed) + "x" + id + "@pii.example";
    }

    static String phone(int id, int seed) {
        return String.format(java.util.Locale.ROOT, "+99 5550 %04d%02d", hash(id, seed + 7) % 10_000, id);
    }

    static String birthDate(int id, int seed) {
        int h = hash(id, seed + 13);
        return String.format(java.util.Locale.ROOT, "19%02d-%02d-%02d", 40 + h % 50, 1 + h % 12, 1 + h % 28);
    }

    /** Every PII value of the warehouse built with {@code seed}. */
    static List<String> piiValues(int seed) {
        List<String> values = new ArrayList<>();
        for (int id = 1; id <= CUSTOMERS; id++) {
            values.add(email(id, seed));
            values.add(phone(id, seed));
            values.add(birthDate(id, seed));
        }
        return values;
    }

    /** Customers with email, phone and birth date masked; orders; the phone tables with phone masked. */
    static SqlPolicy masked() {
        return SqlPolicy.denyAll()
                .allow("customers", "email", "phone", "birth_date")
                .allow("orders")
                .allow("customer_phones", "phone")
                .allow("phone_book", "phone");
    }

    /** The same tables with nothing masked: a caller allowed to see PII. */
    static SqlPolicy pii() {
        return SqlPolicy.denyAll()
                .allow("customers")
                .allow("orders")
                .allow("customer_phones")
                .allow("phone_book");
    }

    private static int hash(int id, int seed) {
        return Math.floorMod(id * 7_919 + seed * 104_729 + id * id * seed * 31, 9_973);
    }
}
