package dev.meshpilot.mesh.workspace;

import dev.meshpilot.mesh.org.Channel;
import dev.meshpilot.mesh.org.Grant;
import dev.meshpilot.mesh.org.MeshInfo;
import dev.meshpilot.mesh.org.Principal;
import dev.meshpilot.mesh.org.Role;
import dev.meshpilot.mesh.org.Team;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads {@code meshpilot.yaml}: the mesh, its teams, roles, principals and channels. */
final class MeshFileReader {
    static final String ID = "[a-z0-9][a-z0-9_-]*";
    static final String SLACK_ID = "[UW][A-Z0-9]{2,20}";
    private static final List<String> KEYS = List.of(
            "apiVersion",
            "kind",
            "name",
            "description",
            "asOf",
            "incidents",
            "teams",
            "roles",
            "principals",
            "channels");

    private MeshFileReader() {}

    static void read(YamlDoc doc, Workspace ws, Problems problems) {
        Node root = Node.root(doc, problems);
        if (!root.isObject()) {
            return;
        }
        root.onlyKeys(KEYS);
        String api = root.text("apiVersion", true);
        if (api != null && !api.equals("meshpilot/v1")) {
            root.problem("apiVersion", "'" + api + "' is not supported (valid: meshpilot/v1)");
        }
        String kind = root.text("kind", true);
        if (kind != null && !kind.equals("Mesh")) {
            root.problem("kind", "'" + kind + "' is not valid here (valid: Mesh)");
        }
        String name = root.text("name", true);
        boolean openOnWarn = false;
        Node incidents = root.child("incidents", false);
        if (incidents != null) {
            incidents.onlyKeys(List.of("openOnWarnChecks"));
            String v = incidents.optionalOneOf("openOnWarnChecks", java.util.Set.of("true", "false"));
            openOnWarn = "true".equals(v);
        }
        ws.mesh = new MeshInfo(
                name == null ? "?" : name, root.text("description", false), root.instant("asOf", false), openOnWarn);
        for (Node t : root.children("teams")) {
            t.onlyKeys(List.of("id", "name", "email", "chat", "oncall"));
            String id = t.matching("id", true, ID, "lowercase letters, digits, - and _");
            String tname = t.text("name", true);
            if (id != null && tname != null) {
                Team team = new Team(id, tname, t.text("email", false), t.text("chat", false), t.text("oncall", false));
                ws.teams.add(new Sourced<>(team, doc, t.pointer()));
            }
        }
        for (Node r : root.children("roles")) {
            r.onlyKeys(List.of("id", "description", "grants"));
            String id = r.matching("id", true, ID, "lowercase letters, digits, - and _");
            List<Grant> grants =
                    r.children("grants").stream().map(MeshFileReader::grant).toList();
            if (id != null) {
                ws.roles.add(new Sourced<>(new Role(id, r.text("description", false), grants), doc, r.pointer()));
            }
        }
        for (Node p : root.children("principals")) {
            p.onlyKeys(List.of("id", "kind", "name", "email", "team", "roles", "slack"));
            String id = p.matching("id", true, ID, "lowercase letters, digits, - and _");
            String kindOf = p.oneOf("kind", Set.of("user", "service"), "user");
            Principal principal = id == null
                    ? null
                    : new Principal(
                            id,
                            Principal.Kind.valueOf(kindOf.toUpperCase(Locale.ROOT)),
                            p.text("name", false),
                            p.text("email", false),
                            p.text("team", false),
                            p.texts("roles"),
                            p.matching("slack", false, SLACK_ID, "a Slack member id: U or W then capitals and digits"));
            if (principal != null) {
                ws.principals.add(new Sourced<>(principal, doc, p.pointer()));
            }
        }
        for (Node c : root.children("channels")) {
            c.onlyKeys(List.of("id", "kind", "target"));
            String id = c.text("id", true);
            String ckind = c.oneOf("kind", Set.of("slack"), "slack");
            String target = c.text("target", true);
            if (id != null && target != null) {
                ws.channels.add(new Sourced<>(new Channel(id, ckind, target), doc, c.pointer()));
            }
        }
    }

    private static Grant grant(Node g) {
        g.onlyKeys(List.of("scope", "domains", "products"));
        String scope = g.oneOf("scope", Set.copyOf(Grant.SCOPES), "?");
        return new Grant(scope, g.texts("domains"), g.texts("products"));
    }
}
