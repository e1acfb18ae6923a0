package dev.meshpilot.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.server.mcp.stdio.StdioTransport;
import dev.meshpilot.server.wiring.Sandbox;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncPromptSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Mono;

/**
 * {@code meshpilot mcp} answers {@code initialize} before its server is built: the answer must be the one the
 * built server gives, and the session must work once the server is ready.
 */
class StdioEarlyInitializeTest {
    static MeshStore store;
    static Sandbox sandbox;
    static Caller caller;

    @BeforeAll
    static void open() {
        Path home = DemoHome.get();
        store = MeshStore.open(home.resolve("meshpilot.db"));
        sandbox = Sandbox.open(home, store);
        caller = new Caller(sandbox.principals().resolve("alice"), "stdio");
    }

    @AfterAll
    static void close() {
        sandbox.close();
    }

    @ParameterizedTest
    @CsvSource({"2025-11-25, false", "2025-03-26, false", "1999-01-01, false", "2025-06-18, true"})
    void should_answer_initialize_before_the_server_is_ready_as_the_server_itself_would(
            String version, boolean extended) throws Exception {
        McpProfile profile = extended ? EXTENDED : McpProfile.STANDARD;
        String init = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
                + version + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

        CompletableFuture<Caller> ready = new CompletableFuture<>();
        Session early = new Session(ready, profile);
        early.send(init);
        String greeted = early.next();
        McpAsyncServer server = MeshpilotMcp.build(early.stdio, sandbox.gate(), sandbox.runner(), store, profile);
        ready.complete(caller);
        early.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        early.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"get_data_product\","
                + "\"arguments\":{\"id\":\"finance.revenue_daily\"}}}");
        String call = early.nextWithId(2);

        Session late = new Session(CompletableFuture.completedFuture(caller), null);
        McpAsyncServer built = MeshpilotMcp.build(late.stdio, sandbox.gate(), sandbox.runner(), store, profile);
        late.send(init);
        String answered = late.next();

        assertThat(greeted).isEqualTo(answered).contains("\"serverInfo\":{\"name\":\"meshpilot\"");
        assertThat(call).contains("\"isError\":false").contains("revenue");
        early.end();
        late.end();
        server.close();
        built.close();
    }

    /** A profile with a prompt of its own and resource subscriptions: both change the capabilities declared. */
    private static final McpProfile EXTENDED = new McpProfile(
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            () -> List.of(new AsyncPromptSpecification(
                    McpSchema.Prompt.builder("test_prompt")
                            .description("A prompt.")
                            .build(),
                    (ex, req) -> Mono.just(McpSchema.GetPromptResult.builder(List.of())
                            .description("test_prompt")
                            .build()))),
            true);

    /** A transport on pipes, run on its own thread; {@code greeting} null means none. */
    private static final class Session {
        final PipedOutputStream in = new PipedOutputStream();
        final BlockingQueue<String> out = new LinkedBlockingQueue<>();
        final StdioTransport stdio;
        final Thread thread;

        Session(CompletableFuture<Caller> ready, McpProfile profile) throws IOException {
            PipedInputStream stdin = new PipedInputStream(in, 1 << 16);
            stdio = new StdioTransport(
                    stdin,
                    new Lines(out),
                    ready,
                    profile == null ? null : (init, versions) -> MeshpilotMcp.greeting(init, versions, profile, true));
            thread = Thread.ofPlatform().start(() -> {
                try {
                    stdio.run();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }

        void send(String line) throws IOException {
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        }

        String next() throws InterruptedException {
            String line = out.poll(60, TimeUnit.SECONDS);
            assertThat(line).as("an answer within a minute").isNotNull();
            return line;
        }

        String nextWithId(int id) throws InterruptedException {
            String line;
            do {
                line = next();
            } while (!line.contains("\"id\":" + id + ","));
            return line;
        }

        void end() throws Exception {
            in.close();
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    /** Collects what the transport writes, one JSON-RPC message per line. */
    private static final class Lines extends OutputStream {
        private final BlockingQueue<String> lines;
        private final StringBuilder pending = new StringBuilder();

        Lines(BlockingQueue<String> lines) {
            this.lines = lines;
        }

        @Override
        public synchronized void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            pending.append(new String(b, off, len, StandardCharsets.UTF_8));
            int nl;
            while ((nl = pending.indexOf("\n")) >= 0) {
                lines.add(pending.substring(0, nl));
                pending.delete(0, nl + 1);
            }
        }
    }
}
