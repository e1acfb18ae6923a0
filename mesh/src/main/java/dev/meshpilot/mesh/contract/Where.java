package dev.meshpilot.mesh.contract;

/**
 * Where a value sits in a contract: its JSON pointer (which the loader turns into a line number) and its
 * dotted field name as the user reads it ({@code schema[0].properties[2].logicalType}).
 */
record Where(String pointer, String field) {
    static final Where ROOT = new Where("", "");

    Where key(String key) {
        String escaped = key.replace("~", "~0").replace("/", "~1");
        return new Where(pointer + "/" + escaped, field.isEmpty() ? key : field + "." + key);
    }

    Where index(int i) {
        return new Where(pointer + "/" + i, field + "[" + i + "]");
    }
}
