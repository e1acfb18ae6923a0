package dev.meshpilot.mesh.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.core.Progress;
import dev.meshpilot.mesh.org.Directory;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.mesh.workspace.WorkspaceLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractsTest {
    @TempDir
    Path tmp;

    @Test
    void should_order_versions_numerically() {
        assertThat(List.of("1.10.0", "1.9.0", "2.0.0", "1.9.0-rc1").stream().sorted(Contracts.VERSION_ORDER))
                .containsExactly("1.9.0", "1.9.0-rc1", "1.10.0", "2.0.0");
    }

    @Test
    void should_prefer_the_active_version_as_current_when_a_higher_one_is_only_proposed() {
        MeshStore store = MeshStore.open(tmp.resolve("m.db"));
        WorkspaceLoader.load(
                Path.of(System.getProperty("meshpilot.root", "../"), "examples", "acme-retail"), store, Progress.NONE);
        Contracts contracts = new Contracts(store);

        assertThat(contracts.versions("customers.customer_profile")).containsExactly("1.0.0", "2.0.0");
        Contract current = contracts.current("customers.customer_profile").orElseThrow();
        assertThat(current.version()).isEqualTo("1.0.0");
        assertThat(current.objects().get(0).properties())
                .filteredOn(p -> p.name().equals("email"))
                .singleElement()
                .satisfies(p -> assertThat(p.classification()).isNotBlank());
        assertThat(contracts
                        .get("customers.customer_profile", "2.0.0")
                        .orElseThrow()
                        .status())
                .isEqualTo("proposed");
        Directory directory = new Directory(store);
        assertThat(directory.principalIds()).isNotEmpty();
        String someone = directory.principalIds().get(0);
        assertThat(directory.principal(someone).orElseThrow().roles()).isNotEmpty();
        String role = directory.principal(someone).orElseThrow().roles().get(0);
        assertThat(directory.role(role).orElseThrow().grants()).isNotEmpty();
    }
}
