package dev.meshpilot.mesh.generate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Plans the organisation: about one domain per 50 products (at least three) (named {@code <stem>_<nn>}, e.g. {@code
 * sales_03}), a team per domain with an on-call engineer and an analyst, a platform team, a privacy team
 * and the service identities the scheduler and MCP clients act as.
 */
final class OrgPlanner {
    static final String PLATFORM_TEAM = "platform-team";
    static final String PRIVACY_TEAM = "privacy-team";

    private final long seed;
    private final Set<String> personIds = new HashSet<>();
    private final List<TeamPlan> teams = new ArrayList<>();
    private final List<PersonPlan> people = new ArrayList<>();
    private final List<DomainPlan> domains = new ArrayList<>();

    private OrgPlanner(long seed) {
        this.seed = seed;
    }

    /** Plans the organisation for a mesh of {@code products} products. */
    static OrgPlanner plan(long seed, int products) {
        OrgPlanner org = new OrgPlanner(seed);
        org.planFor(products);
        return org;
    }

    List<TeamPlan> teams() {
        return List.copyOf(teams);
    }

    List<PersonPlan> people() {
        return List.copyOf(people);
    }

    List<DomainPlan> domains() {
        return List.copyOf(domains);
    }

    /** About one domain per 50 products, at least three (when there are three products) for variety. */
    static int domainCount(int products) {
        return Math.max(Math.min(3, products), (int) Math.round(products / 50.0));
    }

    private void planFor(int products) {
        List<String> stems = shuffledStems();
        int count = domainCount(products);
        for (int d = 0; d < count; d++) {
            String stem = stems.get(d % stems.size());
            String id = String.format(Locale.ROOT, "%s_%02d", stem, d / stems.size() + 1);
            TeamPlan team = team(
                    Names.dashed(id) + "-team",
                    Names.title(id),
                    "#" + Names.dashed(id),
                    List.of("engineer"),
                    List.of("analyst"));
            domains.add(new DomainPlan(id, stem, team, Platform.draw(Rng.of(seed, "platform", d))));
        }
        team(PLATFORM_TEAM, "Data platform", "#data-platform", List.of("platform-admin"), List.of("engineer"));
        team(PRIVACY_TEAM, "Privacy office", "#privacy", List.of("privacy-officer"), List.of("data-steward"));
        people.add(new PersonPlan("svc-scheduler", "service", "Meshpilot scheduler", null, List.of("scheduler")));
        people.add(new PersonPlan("svc-ide", "service", "IDE assistant gateway", null, List.of("analyst")));
        people.add(new PersonPlan(
                "svc-ingest", "service", "OpenLineage producers and Alertmanager", null, List.of("ingest")));
    }

    /** A team of two: the on-call with {@code oncallRoles}, a colleague with {@code otherRoles}. */
    private TeamPlan team(String id, String name, String chat, List<String> oncallRoles, List<String> otherRoles) {
        Rng rng = Rng.of(seed, "team", teams.size());
        PersonPlan oncall = person(rng, id, oncallRoles);
        PersonPlan other = person(rng, id, otherRoles);
        people.add(oncall);
        people.add(other);
        TeamPlan team = new TeamPlan(id, name, chat, oncall.id());
        teams.add(team);
        return team;
    }

    private PersonPlan person(Rng rng, String team, List<String> roles) {
        String first = rng.pick(Names.FIRST_NAMES);
        String last = rng.pick(Names.LAST_NAMES);
        String id = first + "-" + last;
        for (int n = 2; !personIds.add(id); n++) {
            id = first + "-" + last + n;
        }
        return new PersonPlan(id, "user", Names.title(first) + " " + Names.title(last), team, roles);
    }

    private List<String> shuffledStems() {
        List<String> stems = new ArrayList<>(Names.DOMAIN_STEMS);
        Rng rng = Rng.of(seed, "stems");
        for (int i = stems.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            stems.set(j, stems.set(i, stems.get(j)));
        }
        return stems;
    }
}
