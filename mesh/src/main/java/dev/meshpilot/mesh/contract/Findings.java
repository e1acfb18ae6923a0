package dev.meshpilot.mesh.contract;

import java.util.ArrayList;
import java.util.List;

/** Collects the violations found in one contract, in document order. Not thread-safe: one per validation. */
final class Findings {
    private final List<OdcsValidator.Violation> list = new ArrayList<>();

    void add(Where at, String message) {
        list.add(new OdcsValidator.Violation(at.pointer(), at.field(), message));
    }

    int size() {
        return list.size();
    }

    List<OdcsValidator.Violation> list() {
        return List.copyOf(list);
    }
}
