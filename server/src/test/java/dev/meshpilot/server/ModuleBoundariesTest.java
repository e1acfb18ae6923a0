package dev.meshpilot.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of DESIGN.md, enforced on the compiled classes of every product module. A rule whose
 * classes match nothing fails (ArchUnit's default): it would guard nothing.
 */
class ModuleBoundariesTest {
    /** The packages of the modules that make up the product jar and its lib/. */
    static final String[] PRODUCT = {
        "dev.meshpilot.core..",
        "dev.meshpilot.mesh..",
        "dev.meshpilot.sandbox..",
        "dev.meshpilot.tools..",
        "dev.meshpilot.agents..",
        "dev.meshpilot.evals..",
        "dev.meshpilot.server.."
    };

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.meshpilot");
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }

    @Test
    void should_keep_core_free_of_every_other_module() {
        check(noClasses()
                .that()
                .resideInAPackage("dev.meshpilot.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.meshpilot.mesh..",
                        "dev.meshpilot.sandbox..",
                        "dev.meshpilot.tools..",
                        "dev.meshpilot.agents..",
                        "dev.meshpilot.evals..",
                        "dev.meshpilot.server.."));
    }

    /** A second chat adapter (Mattermost, ...) must be an adapter, not a rewrite: the chat core knows no wire format. */
    @Test
    void should_keep_the_chat_core_free_of_slack_and_http() {
        check(noClasses()
                .that()
                .resideInAPackage("dev.meshpilot.server.chat")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.meshpilot.server.chat.slack..", "io.helidon..", "java.net.http.."));
    }

    @Test
    void should_keep_mesh_ignorant_of_tools_agents_and_http() {
        check(noClasses()
                .that()
                .resideInAPackage("dev.meshpilot.mesh..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.meshpilot.sandbox..",
                        "dev.meshpilot.tools..",
                        "dev.meshpilot.agents..",
                        "dev.meshpilot.evals..",
                        "dev.meshpilot.server..",
                        "io.helidon..",
                        "io.modelcontextprotocol.."));
    }

    /** The search index embeds locally with langchain4j's in-process ONNX model; chat models belong to agents. */
    @Test
    void should_keep_mesh_to_local_embeddings_of_langchain4j() {
        check(noClasses()
                .that()
                .resideInAPackage("dev.meshpilot.mesh..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.langchain4j.model.chat..",
                        "dev.langchain4j.agent..",
                        "dev.langchain4j.service..",
                        "dev.langchain4j.model.openai..",
                        "dev.langchain4j.model.ollama..",
                        "dev.langchain4j.model.anthropic..",
                        "dev.langchain4j.http.."));
    }

    @Test
    void should_keep_sandbox_ignorant_of_the_mesh_model() {
        check(noClasses()
                .that()
                .resideInAPackage("dev.meshpilot.sandbox..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.meshpilot.mesh..",
                        "dev.meshpilot.tools..",
                        "dev.meshpilot.agents..",
                        "dev.meshpilot.evals..",
                        "dev.meshpilot.server.."));
    }

    @Test
    void should_keep_tools_away_from_models_and_rendering() {
        check(noClasses()
                .that()
                .resideInAPackage("dev.meshpilot.tools..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.meshpilot.agents..",
                        "dev.meshpilot.evals..",
                        "dev.meshpilot.server..",
                        "dev.langchain4j.model.chat.."));
    }

    @Test
    void should_keep_agents_away_from_the_store_and_the_index() {
        check(noClasses()
                .that()
                .resideInAPackage("dev.meshpilot.agents..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.jdbi..",
                        "org.apache.lucene..",
                        "java.sql..",
                        "org.sqlite..",
                        "dev.meshpilot.mesh.store..",
                        "dev.meshpilot.evals..",
                        "dev.meshpilot.server.."));
    }

    /**
     * The product jar carries no benchmark, conformance fixture or search-quality tooling: those live in the bench
     * module ({@code dev.meshpilot.bench}), which depends on the product and never the other way round.
     */
    @Test
    void should_keep_the_product_free_of_the_bench_module() {
        check(noClasses()
                .that()
                .resideInAnyPackage(PRODUCT)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.meshpilot.bench.."));
        check(noClasses()
                .that()
                .resideInAnyPackage(PRODUCT)
                .should()
                .resideInAnyPackage("..bench..", "..conformance.."));
    }

    @Test
    void should_keep_evals_free_of_the_server() {
        check(noClasses()
                .that()
                .resideInAPackage("dev.meshpilot.evals..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.meshpilot.server.."));
    }

    /**
     * SQL stays in the mesh: tools, agents, evals, the sandbox and the server read the store through mesh APIs
     * ({@code Products}, {@code MeshStore.asOf()}, ...), never through Jdbi.
     */
    @Test
    void should_keep_jdbi_inside_the_mesh() {
        check(noClasses()
                .that()
                .resideOutsideOfPackage("dev.meshpilot.mesh..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.jdbi..")
                .because("the mesh module owns the store's SQL; add a mesh API instead"));
    }
}
