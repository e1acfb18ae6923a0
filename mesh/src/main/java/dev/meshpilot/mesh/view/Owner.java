package dev.meshpilot.mesh.view;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The owning team of a product as the views show it: who, how to reach them, who is on call. */
public record Owner(
        @Nullable @JsonPropertyDescription("Owning team id (null when the product has none).")
        String team,

        @Nullable @JsonPropertyDescription("Team name.") String name,
        @Nullable @JsonPropertyDescription("Team email.") String email,

        @Nullable @JsonPropertyDescription("Chat channel of the team, else of the domain.")
        String chat,

        @Nullable @JsonPropertyDescription("Principal on call for the team, else for the domain.")
        String oncall) {
    /** No owner known. */
    public static final Owner NONE = new Owner(null, null, null, null, null);
}
