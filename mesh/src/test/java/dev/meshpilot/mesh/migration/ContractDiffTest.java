package dev.meshpilot.mesh.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContractDiffTest {
    @Test
    void should_find_the_rename_the_breaking_retype_and_the_compatible_addition_when_diffing_the_demo_v2() {
        Diff d = ContractDiff.diff(DemoContracts.v1(), DemoContracts.v2(), RuleSettings.DEFAULTS);

        assertThat(d.renames()).singleElement().satisfies(r -> {
            assertThat(r.from()).isEqualTo("phone");
            assertThat(r.to()).isEqualTo("phone_number");
        });
        assertThat(d.changes()).extracting(Change::rule).doesNotContain("property-removed");
        assertThat(d.changes())
                .filteredOn(c -> "birth_date".equals(c.property()) && c.rule().equals("type-changed"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.severity()).isEqualTo(Severity.BREAKING);
                    assertThat(c.oldValue()).isEqualTo("string (STRING)");
                    assertThat(c.newValue()).isEqualTo("date (DATE)");
                });
        assertThat(d.changes())
                .filteredOn(c -> "loyalty_tier".equals(c.property()))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.rule()).isEqualTo("property-added");
                    assertThat(c.severity()).isEqualTo(Severity.COMPATIBLE);
                });
        assertThat(d.bumpNeeded()).isEqualTo(SemVer.Bump.MAJOR);
        assertThat(d.bumpMade()).isEqualTo(SemVer.Bump.MAJOR);
        assertThat(d.bumpSufficient()).isTrue();
        assertThat(d.migrationNeeded()).isTrue();
    }

    @Test
    void should_report_the_bump_as_a_finding_when_a_breaking_change_ships_as_a_minor_version() {
        ObjectNode v2 = DemoContracts.v2().deepCopy();
        v2.put("version", "1.1.0");

        Diff d = ContractDiff.diff(DemoContracts.v1(), v2, RuleSettings.DEFAULTS);

        assertThat(d.bumpSufficient()).isFalse();
        assertThat(d.changes())
                .filteredOn(c -> c.rule().equals("version-not-bumped"))
                .singleElement()
                .satisfies(c -> assertThat(c.message()).contains("minor bump").contains("2.0.0"));
    }

    @Test
    void should_need_no_migration_when_the_contract_is_unchanged_but_its_patch_version() {
        ObjectNode same = DemoContracts.v1().deepCopy();
        same.put("version", "1.0.1");

        Diff d = ContractDiff.diff(DemoContracts.v1(), same, RuleSettings.DEFAULTS);

        assertThat(d.changes()).isEmpty();
        assertThat(d.migrationNeeded()).isFalse();
        assertThat(d.bumpSufficient()).isTrue();
    }

    @Test
    void should_apply_the_workspace_severity_when_a_policy_overrides_a_rule() {
        RuleSettings s = new RuleSettings(Map.of(ChangeRule.PROPERTY_ADDED, Severity.REVIEW), 30, false);

        Diff d = ContractDiff.diff(DemoContracts.v1(), DemoContracts.v2(), s);

        assertThat(d.changes())
                .filteredOn(c -> "loyalty_tier".equals(c.property()))
                .singleElement()
                .satisfies(c -> assertThat(c.severity()).isEqualTo(Severity.REVIEW));
    }
}
