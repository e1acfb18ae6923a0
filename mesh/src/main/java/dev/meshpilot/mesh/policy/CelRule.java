package dev.meshpilot.mesh.policy;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A custom policy rule written in CEL (the expression language of Kubernetes admission policies), type-checked
 * when the workspace loads and evaluated per product by the drift agent. The expression must be a {@code bool}:
 * {@code true} when the product complies. Variables: {@code product} (a map: {@code id}, {@code domain},
 * {@code owner}, {@code criticality}, {@code tags}, {@code slos}, {@code contract}), {@code grants} (a list of
 * maps: {@code principal}, {@code privilege}, {@code columns}), {@code columns} (the contract's: {@code name},
 * {@code type}, {@code classification}, {@code required}) and {@code observed} (the warehouse's: {@code name},
 * {@code type}). CEL runs in linear time and has no side effects. Thread-safe.
 *
 * <pre>{@code
 * CelRule rule = CelRule.compile("grants.all(g, g.privilege == 'SELECT')").orElseThrow();
 * boolean ok = rule.holds(Map.of("product", ..., "grants", ..., "columns", ..., "observed", ...));
 * }</pre>
 */
public final class CelRule {
    /** The variables an expression may use. */
    public static final List<String> VARIABLES = List.of("product", "grants", "columns", "observed");

    private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("product", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addVar("grants", ListType.create(MapType.create(SimpleType.STRING, SimpleType.DYN)))
            .addVar("columns", ListType.create(MapType.create(SimpleType.STRING, SimpleType.DYN)))
            .addVar("observed", ListType.create(MapType.create(SimpleType.STRING, SimpleType.DYN)))
            .setResultType(SimpleType.BOOL)
            .build();
    private static final CelRuntime RUNTIME =
            CelRuntimeFactory.standardCelRuntimeBuilder().build();

    private final String expression;
    private final CelRuntime.Program program;

    private CelRule(String expression, CelRuntime.Program program) {
        this.expression = expression;
        this.program = program;
    }

    /** A compile error: what is wrong, and where in the expression (1-based line and column). */
    public record Error(String message, int line, int column) {
        /** {@code "<message> (expression line L, column C)"}. */
        public String describe() {
            return message + " (expression line " + line + ", column " + column + ")";
        }
    }

    /** The checked rule, or the first error found (parse or type) with its position. */
    public static Result compile(String expression) {
        CelValidationResult r = COMPILER.compile(expression);
        if (r.hasError()) {
            CelIssue first = r.getErrors().getFirst();
            var loc = first.getSourceLocation();
            return new Result(
                    Optional.empty(), Optional.of(new Error(first.getMessage(), loc.getLine(), loc.getColumn() + 1)));
        }
        try {
            CelAbstractSyntaxTree ast = r.getAst();
            return new Result(Optional.of(new CelRule(expression, RUNTIME.createProgram(ast))), Optional.empty());
        } catch (CelValidationException | CelEvaluationException e) {
            return new Result(Optional.empty(), Optional.of(new Error(e.getMessage(), 1, 1)));
        }
    }

    /** What {@link #compile} gives: a rule or an error. */
    public record Result(Optional<CelRule> rule, Optional<Error> error) {}

    /**
     * Whether the product complies. Variables missing from {@code vars} are empty.
     *
     * @throws IllegalArgumentException when evaluation fails (e.g. a missing map key), with CEL's message
     */
    public boolean holds(Map<String, ?> vars) {
        try {
            Object v = program.eval(vars);
            return Boolean.TRUE.equals(v);
        } catch (CelEvaluationException e) {
            throw new IllegalArgumentException("CEL rule '" + expression + "' failed: " + e.getMessage(), e);
        }
    }

    public String expression() {
        return expression;
    }
}
