package newsflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of newsflow's packages, checked on the compiled product ({@code target/classes},
 * what the runnable jar is made of):
 *
 * <pre>
 *   cli                                   the command line: wires everything
 *   pipeline            serving           processing topology | views and query API (own app id)
 *   output   ops                          output records, trends | dead letters, meters
 *   clean  dedupe  entities  (+ .stage)   libraries without Kafka types | thin stage adapters
 *   ingest                                the raw record format
 *   core  (+ core.serde)  avro  broker    records passed between stages, topics, event time
 * </pre>
 *
 * A package may use only packages below it; the stages never use each other; no package
 * cycle; nothing of the product depends on the evaluation tools ({@code src/eval}).
 */
class ArchitectureTest {

    private static JavaClasses product;

    @BeforeAll
    static void importTheProduct() {
        Path classes = Path.of("target", "classes");
        assertTrue(Files.isDirectory(classes.resolve("newsflow")), "compile first: " + classes.toAbsolutePath());
        product = new ClassFileImporter().importPath(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("newsflow.(**)").should().beFreeOfCycles().check(product);
    }

    @Test
    void packagesDependOnlyOnTheLayersBelowThem() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Core").definedBy("newsflow.core..", "newsflow.avro..")
            .layer("Broker").definedBy("newsflow.broker..")
            .layer("Ingest").definedBy("newsflow.ingest..")
            .layer("Clean").definedBy("newsflow.clean..")
            .layer("Dedupe").definedBy("newsflow.dedupe..")
            .layer("Entities").definedBy("newsflow.entities..")
            .layer("Output").definedBy("newsflow.output..")
            .layer("Ops").definedBy("newsflow.ops..")
            .layer("Pipeline").definedBy("newsflow.pipeline..")
            .layer("Serving").definedBy("newsflow.serving..")
            .layer("Cli").definedBy("newsflow.cli..")
            .whereLayer("Cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("Pipeline").mayOnlyBeAccessedByLayers("Cli")
            .whereLayer("Serving").mayOnlyBeAccessedByLayers("Cli")
            .whereLayer("Output").mayOnlyBeAccessedByLayers("Pipeline", "Serving", "Cli")
            .whereLayer("Ops").mayOnlyBeAccessedByLayers("Pipeline", "Serving", "Cli")
            .whereLayer("Dedupe").mayOnlyBeAccessedByLayers("Pipeline", "Cli")
            .whereLayer("Entities").mayOnlyBeAccessedByLayers("Pipeline", "Cli")
            .whereLayer("Clean").mayOnlyBeAccessedByLayers("Ops", "Pipeline", "Cli")
            .whereLayer("Ingest").mayOnlyBeAccessedByLayers("Clean", "Ops", "Pipeline", "Serving", "Cli")
            .whereLayer("Broker").mayOnlyBeAccessedByLayers("Cli")
            .check(product);
    }

    @Test
    void textLibrariesAndSharedRecordsUseNoKafkaTypes() {
        noClasses().that().resideInAnyPackage("newsflow.core", "newsflow.clean", "newsflow.dedupe", "newsflow.entities")
            .should().dependOnClassesThat().resideInAPackage("org.apache.kafka..")
            .check(product);
    }

    @Test
    void aLibraryDoesNotReachIntoItsStageAdapter() {
        noClasses().that().resideInAnyPackage("newsflow.clean", "newsflow.dedupe", "newsflow.entities")
            .should().dependOnClassesThat().resideInAnyPackage("newsflow.clean.stage", "newsflow.dedupe.stage",
                "newsflow.entities.stage")
            .check(product);
    }

    @Test
    void nothingInTheProductDependsOnTheEvaluationTools() {
        noClasses().should().dependOnClassesThat().resideInAPackage("newsflow.eval..").check(product);
    }

    @Test
    void theProductHoldsNoEvaluationClass() {
        assertFalse(product.containPackage("newsflow.eval"), "evaluation code belongs in src/eval");
    }
}
