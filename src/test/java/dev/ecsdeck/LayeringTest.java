package dev.ecsdeck;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering the README's architecture section describes, checked on the production classes:
 * app wires ui to a provider; ui sees only the provider interface and the model; the provider's
 * adapters reach the SDK (aws) or the simulator (sim); the simulator and the model know nothing
 * above them; JavaFX stays in ui and app.
 */
@AnalyzeClasses(packages = "dev.ecsdeck", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule modelUsesNeitherJavaFxNorTheSdk = noClasses()
            .that().resideInAPackage("dev.ecsdeck.model..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "software.amazon..")
            .because("model records are what both backends return and the UI shows: no SDK or JavaFX types in them");

    @ArchTest
    static final ArchRule modelAndTaskdefSitAtTheBottom = noClasses()
            .that().resideInAnyPackage("dev.ecsdeck.model..", "dev.ecsdeck.taskdef..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.ecsdeck.provider..", "dev.ecsdeck.ui..", "dev.ecsdeck.sim..", "dev.ecsdeck.app..")
            .because("model and taskdef are plain data and rules every other part builds on");

    @ArchTest
    static final ArchRule uiSeesOnlyTheProviderInterface = noClasses()
            .that().resideInAPackage("dev.ecsdeck.ui..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.ecsdeck.sim..", "dev.ecsdeck.provider.aws..", "dev.ecsdeck.provider.sim..")
            .because("the UI works the same on either backend, through EcsProvider alone");

    @ArchTest
    static final ArchRule simKnowsNothingAboveIt = noClasses()
            .that().resideInAPackage("dev.ecsdeck.sim..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.ecsdeck.ui..", "dev.ecsdeck.provider..", "dev.ecsdeck.app..")
            .because("the simulated AWS stands alone: SimProvider adapts it to EcsProvider, the wire server serves it");

    @ArchTest
    static final ArchRule javaFxOnlyInUiAndApp = noClasses()
            .that().resideInAPackage("dev.ecsdeck..")
            .and().resideOutsideOfPackages("dev.ecsdeck.ui..", "dev.ecsdeck.app..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("providers, the simulator, taskdef and model run and are tested without a screen");

    @ArchTest
    static final ArchRule noCyclesBetweenTopLevelPackages = slices()
            .matching("dev.ecsdeck.(*)..")
            .should().beFreeOfCycles();
}
