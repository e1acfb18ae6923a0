package dev.meshpilot.server.mcp;

import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;

/**
 * Progress and log notifications to the client of the current request. Best effort: a client that has gone
 * does not fail the call. Log lines name tools, statuses and audit numbers only; never arguments, data,
 * tokens or anything a principal could not already see.
 */
final class Notifications {
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(5);

    private Notifications() {}

    static void progress(McpAsyncServerExchange exchange, Object token, double progress, String message) {
        if (token == null) {
            return;
        }
        send(exchange.progressNotification(McpSchema.ProgressNotification.builder(token, progress)
                .total(1.0)
                .message(message)
                .build()));
    }

    static void log(McpAsyncServerExchange exchange, McpSchema.LoggingLevel level, String message) {
        send(exchange.loggingNotification(McpSchema.LoggingMessageNotification.builder(level, message)
                .logger("meshpilot")
                .build()));
    }

    private static void send(reactor.core.publisher.Mono<Void> notification) {
        try {
            notification.block(SEND_TIMEOUT);
        } catch (RuntimeException e) {
            // The client left or the stream closed: the call's result still counts.
        }
    }
}
