package dev.meshpilot.mesh.contract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Pattern;

/**
 * ODCS relationships (foreign keys). On a property only {@code to} is given (the property is the other
 * side); on a schema object both {@code from} and {@code to}, both text or both lists (composite keys).
 * A reference is {@code object.property} or a path {@code [file.yaml#][/]schema/<id>/properties/<id>}.
 */
final class OdcsRelationships {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9._/-]+\\.yaml");

    private static final Rule REFERENCE = Values.textWhere(
            OdcsRelationships::isReference,
            "is not a reference (expected object.property or schema/<object id>/properties/<property id>)");
    private static final Rule REFERENCES = (v, at, out) -> {
        if (v.isArray()) {
            Values.listOf(REFERENCE)
                    .then(Values.when(a -> !a.isEmpty(), "must not be empty"))
                    .check(v, at, out);
        } else {
            REFERENCE.check(v, at, out);
        }
    };

    private static final Fields BASE =
            Fields.NONE.with("type", Values.oneOf("foreignKey")).with("customProperties", OdcsCommon.CUSTOM_PROPERTIES);

    /** A relationship declared on a property: {@code to} only. */
    static final Rule ON_PROPERTY = (v, at, out) -> {
        Rule fields = BASE.require("to", REFERENCES).closed();
        if (v.isObject() && v.has("from")) {
            out.add(at.key("from"), "not allowed on a property (the property itself is the 'from' side)");
            ObjectNode rest = v.deepCopy();
            rest.remove("from");
            fields.check(rest, at, out);
        } else {
            fields.check(v, at, out);
        }
    };

    private static final Rule ON_OBJECT_FIELDS =
            BASE.require("from", REFERENCES).require("to", REFERENCES).closed();

    /** A relationship declared on a schema object: {@code from} and {@code to}, of the same shape. */
    static final Rule ON_OBJECT = ON_OBJECT_FIELDS.then((v, at, out) -> {
        if (v.has("from")
                && v.has("to")
                && v.get("from").isArray() != v.get("to").isArray()) {
            out.add(at.key("to"), "'from' and 'to' must both be text or both be lists");
        }
    });

    private OdcsRelationships() {}

    static boolean isReference(String s) {
        int dot = s.indexOf('.');
        if (dot > 0
                && NAME.matcher(s.substring(0, dot)).matches()
                && NAME.matcher(s.substring(dot + 1)).matches()) {
            return true;
        }
        String path = s;
        int hash = s.indexOf('#');
        if (hash >= 0) {
            String file = s.substring(0, hash).replaceFirst("^https?://", "");
            if (!FILE.matcher(file).matches()) {
                return false;
            }
            path = s.substring(hash + 1);
        }
        String[] parts = (path.startsWith("/") ? path.substring(1) : path).split("/", -1);
        if (parts.length < 2 || parts.length % 2 != 0) {
            return false;
        }
        for (int i = 0; i < parts.length; i++) {
            if (!(i % 2 == 0 ? NAME : ID).matcher(parts[i]).matches()) {
                return false;
            }
        }
        return true;
    }
}
