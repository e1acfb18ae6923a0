package dev.meshpilot.mesh.migration;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The demo's customer profile contract, active 1.0.0 and proposed 2.0.0. */
final class DemoContracts {
    static final Path DIR =
            Path.of(System.getProperty("meshpilot.root", "../"), "examples", "acme-retail", "contracts");

    private DemoContracts() {}

    static JsonNode v1() {
        return read("customers.customer_profile.odcs.yaml");
    }

    static JsonNode v2() {
        return read("customers.customer_profile.v2.odcs.yaml");
    }

    static JsonNode read(String file) {
        try {
            return ContractDocument.read(Files.readString(DIR.resolve(file)), file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
