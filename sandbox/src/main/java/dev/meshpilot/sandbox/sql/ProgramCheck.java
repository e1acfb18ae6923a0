package dev.meshpilot.sandbox.sql;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Inspects the compiled program of a query ({@code EXPLAIN}) and refuses it when it reads a table the
 * caller may not read, reads or compares a masked column of a real table, opens a virtual table other than
 * the {@code json_each}/{@code json_tree} calls the text names, writes, or does anything it cannot map.
 * Cursors opened on the main schema ({@code OpenRead}, {@code ReopenIdx}, {@code OpenDup}) are mapped to
 * tables and indexes through their root page; {@code Column} and rowid reads on them are mapped to columns
 * through the storage layout. Opening a b-tree keyed by a masked column is refused outright: its scan order
 * alone leaks the column, and every seek or comparison on the column goes through such a b-tree. Reads of
 * the masking views' constants never appear.
 */
final class ProgramCheck {
    private static final int P2_IS_REGISTER = 0x10;
    private static final String READS = "reads %2$s of table %1$s%3$s";
    private static final Set<String> OPENS = Set.of("OpenRead", "ReopenIdx");
    private static final Set<String> ROWID_READS = Set.of("Rowid", "IdxRowid", "SeekRowid", "NotExists");
    private static final Set<String> REFUSED = Set.of(("OpenWrite Vacuum IntegrityCk Destroy Clear CreateBtree"
                    + " ParseSchema DropTable DropIndex DropTrigger SetCookie VUpdate VCreate VDestroy VRename VBegin"
                    + " LoadAnalysis JournalMode SqlExec IncrVacuum AutoCommit Savepoint Checkpoint Expire Pagecount"
                    + " MaxPgcnt")
            .split(" "));

    private final Schema schema;
    private final SqlPolicy policy;
    private final int jsonTableCalls;
    private final Map<Long, List<StoredObject>> cursors = new HashMap<>();
    private int virtualOpens;

    private ProgramCheck(Schema schema, SqlPolicy policy, int jsonTableCalls) {
        this.schema = schema;
        this.policy = policy;
        this.jsonTableCalls = jsonTableCalls;
    }

    static void check(List<Op> program, Schema schema, SqlPolicy policy, int jsonTableCalls) throws SQLException {
        ProgramCheck check = new ProgramCheck(schema, policy, jsonTableCalls);
        for (Op op : program) {
            check.step(op);
        }
    }

    private void step(Op op) throws SQLException {
        String code = op.opcode();
        if (REFUSED.contains(code) || code.equals("Transaction") && op.p2() != 0) {
            throw new Denied(
                    SqlDenial.UNCHECKABLE,
                    "the compiled query uses " + code
                            + ", which a read-only query never needs; write a plain query over the allowed tables");
        }
        if ((code.equals("Function") || code.equals("PureFunc"))
                && op.p4() != null
                && op.p4().startsWith("load_extension(")) {
            throw new Denied(SqlDenial.EXTENSION, "load_extension is not allowed");
        }
        if (OPENS.contains(code)) {
            open(op);
        } else if (code.equals("OpenDup")) {
            cursors.put(op.p1(), cursors.getOrDefault(op.p2(), List.of()));
        } else if (code.equals("VOpen") && ++virtualOpens > jsonTableCalls) {
            throw new Denied(
                    SqlDenial.VIRTUAL_TABLE,
                    "the query reads a virtual table, which cannot be checked; "
                            + "json_each and json_tree are the only table-valued functions allowed");
        } else if (code.equals("Column")) {
            for (StoredObject o : on(op.p1())) {
                if (op.p2() >= o.fields().size()) {
                    throw new Denied(
                            SqlDenial.UNCHECKABLE,
                            "the compiled query reads field " + op.p2() + " of " + o.name()
                                    + ", which cannot be mapped to a column");
                }
                refuseMasked(o, List.of(o.fields().get((int) op.p2())), READS);
            }
        } else if (code.equals("RowData")) {
            for (StoredObject o : on(op.p1())) {
                refuseMasked(o, o.fields(), READS);
            }
        } else if (ROWID_READS.contains(code)) {
            for (StoredObject o : on(op.p1())) {
                refuseMasked(o, List.of(StoredObject.ROWID), READS);
            }
        }
    }

    private void open(Op op) throws SQLException {
        if ((op.p5() & P2_IS_REGISTER) != 0) {
            throw new Denied(SqlDenial.UNCHECKABLE, "the compiled query opens a table chosen at run time");
        }
        if (op.p3() != 0) {
            throw new Denied(
                    SqlDenial.TABLE_NOT_ALLOWED,
                    "the query reads the temp schema; allowed tables: " + policy.allowedList(schema));
        }
        Schema.Entry entry = schema.atRoot((int) op.p2());
        if (entry == null) {
            throw new Denied(
                    SqlDenial.UNCHECKABLE, "the compiled query opens page " + op.p2() + ", which is no known table");
        }
        if (!policy.mayRead(entry.table())) {
            throw new Denied(
                    SqlDenial.TABLE_NOT_ALLOWED,
                    "the query reads table " + entry.table() + ", which this caller may not read; allowed tables: "
                            + policy.allowedList(schema));
        }
        StoredObject layout = schema.layout((int) op.p2());
        refuseMasked(layout, layout.key(), "scans table %s in the order of %s%s");
        List<StoredObject> opened = new ArrayList<>(cursors.getOrDefault(op.p1(), List.of()));
        opened.add(layout);
        cursors.put(op.p1(), opened);
    }

    private List<StoredObject> on(long cursor) {
        return cursors.getOrDefault(cursor, List.of());
    }

    /** {@code what} formats the table, the column and the index it is reached through. */
    private void refuseMasked(StoredObject o, List<String> fields, String what) {
        Set<String> masked = policy.masked(o.table());
        for (String field : fields) {
            if (o.reveals(field, masked)) {
                String column = switch (field) {
                    case StoredObject.ROWID -> "column " + o.rowidAlias() + " (the rowid)";
                    case StoredObject.EXPRESSION -> "an index expression or partial-index condition";
                    default -> "column " + field;
                };
                String via = o.name().equals(o.table()) ? "" : " (through index " + o.name() + ")";
                throw new Denied(
                        SqlDenial.MASKED_COLUMN,
                        "the query " + String.format(what, o.table(), column, via)
                                + ", which is masked for this caller; masked columns can only be "
                                + "read as '" + MaskingViews.MASK + "' through the table's own name. Masked here: "
                                + String.join(", ", masked));
            }
        }
    }
}
