package dev.meshpilot.mesh.contract;

import java.util.Objects;

/** A role declared by a contract for access to its data ({@code access} is {@code read} or {@code write}). */
public record ContractRole(String role, String access, String description) {
    public ContractRole {
        Objects.requireNonNull(role, "role");
    }
}
