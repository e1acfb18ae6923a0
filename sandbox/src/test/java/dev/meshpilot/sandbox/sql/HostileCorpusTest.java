package dev.meshpilot.sandbox.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

/**
 * Every input of {@code hostile.tsv} is refused with its category and a reason, and nothing runs: no query
 * reaches SQLite's execution, the warehouse file keeps its bytes and time stamp, the canary row is intact
 * and no object the corpus tries to create exists.
 */
class HostileCorpusTest {
    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> should_refuse_every_hostile_input_when_running_the_corpus() throws Exception {
        List<HostileCorpus.Case> corpus = HostileCorpus.read();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(200);
        Path file = TestWarehouse.build(dir, 1);
        String before = sha256(file);
        FileTime modified = Files.getLastModifiedTime(file);
        ReadOnlySql sql = ReadOnlySql.open(file, SqlLimits.defaults());
        List<DynamicTest> tests = new ArrayList<>();
        for (HostileCorpus.Case c : corpus) {
            tests.add(DynamicTest.dynamicTest(c.toString(), () -> {
                SqlResult r = sql.execute(TestWarehouse.masked(), c.sql());
                assertThat(r.status()).as(r.reason()).isEqualTo(SqlStatus.DENIED);
                assertThat(r.denial()).as(r.reason()).isEqualTo(c.expected());
                assertThat(r.reason()).isNotBlank();
                assertThat(r.rows()).isEmpty();
                assertThat(r.columns()).isEmpty();
            }));
        }
        tests.add(DynamicTest.dynamicTest("nothing was executed and the warehouse is unchanged", () -> {
            assertThat(sql.executions()).isZero();
            assertThat(sha256(file)).isEqualTo(before);
            assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
            assertThat(siblings(file)).containsExactly(file.getFileName().toString());
            assertThat(canary(file)).containsExactly(TestWarehouse.CANARY);
            assertThat(objectsNamedPwned(file)).isZero();
        }));
        return tests.stream();
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            digest.update(in.readAllBytes());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static List<String> siblings(Path file) throws Exception {
        try (Stream<Path> files = Files.list(file.getParent())) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static List<String> canary(Path file) throws Exception {
        return strings(file, "SELECT note FROM canary");
    }

    private static int objectsNamedPwned(Path file) throws Exception {
        return strings(file, "SELECT name FROM sqlite_schema WHERE name LIKE '%pwned%'")
                .size();
    }

    private static List<String> strings(Path file, String query) throws Exception {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        List<String> out = new ArrayList<>();
        try (Connection c = config.createConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
