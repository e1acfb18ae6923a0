package dev.meshpilot.server.cli;

import dev.meshpilot.agents.catalog.AgentInput;
import dev.meshpilot.agents.catalog.AgentOption;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** An agent command's inputs by name: the main parameter and the agent's options, files read. */
final class AgentInputs {
    private AgentInputs() {}

    static Map<String, String> read(CommandSpec spec, AgentInput<?> input, String main) {
        Map<String, String> values = new HashMap<>();
        if (main != null) { // left out: an optional main input (anomalies' scope)
            values.put(input.name(), input.acceptsFile() && isFile(main) ? file(main, input.label()) : main);
        }
        for (AgentOption o : input.options()) {
            OptionSpec given = spec.findOption(o.flag());
            Object v = given == null ? null : given.getValue();
            if (v == null || Boolean.FALSE.equals(v)) {
                continue;
            }
            String text = v.toString();
            if (o.kind() == AgentOption.Kind.CHOICE && !o.choices().contains(text)) {
                throw new MeshpilotException(
                        ErrorCode.USAGE,
                        o.flag() + " must be one of " + String.join(", ", o.choices()) + ", not '" + text + "'");
            }
            values.put(o.name(), o.kind() == AgentOption.Kind.FILE ? file(text, o.flag()) : text);
            if (o.kind() == AgentOption.Kind.FILE) {
                values.put(o.name() + AgentOption.PATH, text); // where it came from, for reports that point at it
            }
        }
        return values;
    }

    private static boolean isFile(String s) {
        return s.matches(".*\\.(ya?ml|json)") || s.contains("/") ? Files.isRegularFile(Path.of(s)) : false;
    }

    private static String file(String path, String what) {
        Path p = Path.of(path);
        if (!Files.isRegularFile(p)) {
            throw new MeshpilotException(ErrorCode.USAGE, what + ": no file " + p.toAbsolutePath());
        }
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new MeshpilotException(ErrorCode.USAGE, what + ": cannot read " + p.toAbsolutePath() + ": " + e, e);
        }
    }
}
