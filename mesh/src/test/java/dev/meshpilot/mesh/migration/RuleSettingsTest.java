package dev.meshpilot.mesh.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RuleSettingsTest {
    static JsonNode json(String s) throws Exception {
        return new ObjectMapper().readTree(s);
    }

    @Test
    void should_read_overrides_window_and_date_requirement_when_a_policy_sets_them() throws Exception {
        RuleSettings s =
                RuleSettings.of(json("{\"severities\":{\"unique-added\":\"breaking\",\"description-changed\":\"off\"},"
                        + "\"deprecationDays\":60,\"requireDeprecationDate\":true}"));

        assertThat(s.severity(ChangeRule.UNIQUE_ADDED)).isEqualTo(Severity.BREAKING);
        assertThat(s.severity(ChangeRule.DESCRIPTION_CHANGED)).isEqualTo(Severity.OFF);
        assertThat(s.severity(ChangeRule.PROPERTY_REMOVED)).isEqualTo(Severity.BREAKING);
        assertThat(s.deprecationDays()).isEqualTo(60);
        assertThat(s.requireDeprecationDate()).isTrue();
    }

    @Test
    void should_name_each_bad_key_rule_and_level_with_the_valid_ones() throws Exception {
        var problems = RuleSettings.problems(
                json("{\"severities\":{\"column-gone\":\"breaking\",\"unique-added\":\"fatal\"},\"deprecationDays\":-1,"
                        + "\"grace\":3}"));

        assertThat(problems)
                .anySatisfy(p -> assertThat(p).startsWith("grace: unknown key"))
                .anySatisfy(p -> assertThat(p)
                        .startsWith("severities.column-gone: unknown rule")
                        .contains("property-removed"))
                .anySatisfy(p -> assertThat(p).contains("'fatal' is not one of breaking, review, compatible, off"))
                .anySatisfy(p -> assertThat(p).startsWith("deprecationDays:"));
    }

    @Test
    void should_need_a_major_bump_for_breaking_changes_but_a_minor_below_one() {
        assertThat(SemVer.between("1.4.2", "2.0.0")).isEqualTo(SemVer.Bump.MAJOR);
        assertThat(SemVer.between("1.4.2", "1.4.2")).isEqualTo(SemVer.Bump.NONE);
        assertThat(SemVer.between("1.4.2", "1.3.9")).isNull();
        assertThat(SemVer.satisfies("1.4.2", SemVer.Bump.MINOR, SemVer.Bump.MAJOR))
                .isFalse();
        assertThat(SemVer.satisfies("0.4.2", SemVer.Bump.MINOR, SemVer.Bump.MAJOR))
                .isTrue();
        assertThat(Versions.suggest("1.4.2", SemVer.Bump.MAJOR)).isEqualTo("2.0.0");
    }
}
