package dev.meshpilot.mesh.openlineage;

/** A job or dataset key: namespace and name. */
record Ref(String namespace, String name) {
    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
