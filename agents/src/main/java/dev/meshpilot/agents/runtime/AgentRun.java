package dev.meshpilot.agents.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Objects;

/** A finished run: the agent's report and the record of how it was made. */
public record AgentRun<R>(R report, RunInfo run) {
    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public AgentRun {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(run, "run");
    }

    /** The report's JSON with the run record under {@code run}: what {@code --format json} prints. */
    public ObjectNode toJson() {
        ObjectNode out = JSON.valueToTree(report);
        out.set("run", JSON.valueToTree(run));
        return out;
    }

    public static ObjectMapper json() {
        return JSON;
    }
}
