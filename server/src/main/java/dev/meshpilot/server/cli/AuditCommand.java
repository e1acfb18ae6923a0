package dev.meshpilot.server.cli;

import dev.meshpilot.sandbox.audit.AuditLog;
import dev.meshpilot.sandbox.audit.AuditRecord;
import dev.meshpilot.sandbox.audit.VerifyResult;
import java.util.List;
import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code meshpilot audit tail|verify}: read and check the hash-chained audit log. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "Show or verify the audit log.",
        subcommands = {AuditCommand.Tail.class, AuditCommand.Verify.class})
final class AuditCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The newest audit records first. */
    @Command(name = "tail", mixinStandardHelpOptions = true, description = "Show the newest audit records.")
    static final class Tail extends StoreCommand {
        @Option(names = "--principal", description = "Only this principal's calls.")
        String principal;

        @Option(names = "--tool", description = "Only calls of this tool.")
        String tool;

        @Option(names = "--limit", defaultValue = "20", description = "How many (default ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            home.openStore(); // a home with no mesh has no audit log worth reading: say how to load one
            try (AuditLog log = AuditLog.forHome(home.home())) {
                List<AuditRecord> records = log.tail(principal, tool, limit);
                if (format == Format.json) {
                    Output.json(out(), records);
                    return 0;
                }
                Output.table(
                        out(),
                        List.of("SEQ", "TIME", "PRINCIPAL", "AGENT", "TOOL", "DECISION", "MICROS", "REASON"),
                        records.stream()
                                .map(r -> List.of(
                                        Long.toString(r.seq()),
                                        r.entry().time().toString(),
                                        r.entry().principal(),
                                        Objects.toString(r.entry().agent(), "-"),
                                        r.entry().tool(),
                                        r.entry().decision(),
                                        Long.toString(r.entry().durationMicros()),
                                        Objects.toString(r.entry().reason(), "-")))
                                .toList());
                return 0;
            }
        }
    }

    /** Walks the chain; exit 1 when a record was edited, deleted or reordered. */
    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = "Check the audit log's hash chain; exit 1 naming the first broken record.")
    static final class Verify extends StoreCommand {
        @Override
        public Integer call() {
            home.openStore();
            try (AuditLog log = AuditLog.forHome(home.home())) {
                VerifyResult v = log.verify();
                if (format == Format.json) {
                    Output.json(out(), v);
                } else if (v.valid()) {
                    out().printf("audit log %s: %d records, chain intact%n", log.location(), v.checked());
                } else {
                    out().printf(
                                    "audit log %s: BROKEN at record %d: %s (%d records before it are intact)%n",
                                    log.location(), v.firstBrokenSeq(), v.problem(), v.checked());
                }
                return v.valid() ? 0 : 1;
            }
        }
    }
}
