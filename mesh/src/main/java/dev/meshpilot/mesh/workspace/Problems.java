package dev.meshpilot.mesh.workspace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects every problem found while reading a workspace, so the user sees all of them at once. */
final class Problems {
    private final List<Problem> list = Collections.synchronizedList(new ArrayList<>());

    void add(Problem problem) {
        list.add(problem);
    }

    void add(String file, int line, String field, String message) {
        list.add(new Problem(file, line, field, message));
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    List<Problem> sorted() {
        synchronized (list) {
            return list.stream().sorted().toList();
        }
    }
}
