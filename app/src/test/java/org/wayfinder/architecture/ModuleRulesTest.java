package org.wayfinder.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.modelling.command.AggregateIdentifier;

/** The module rules of docs/architecture.md, checked on the compiled classes of every module. */
@AnalyzeClasses(packages = "org.wayfinder", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleRulesTest {

    @ArchTest
    static final ArchRule shared_kernel_has_no_spring = noClasses()
            .that().resideInAPackage("org.wayfinder.kernel..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..")
            .because("the published language is plain Java records, usable anywhere");

    @ArchTest
    static final ArchRule shared_kernel_depends_on_no_other_module = noClasses()
            .that().resideInAPackage("org.wayfinder.kernel..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.wayfinder.command..", "org.wayfinder.projection..", "org.wayfinder.query..", "org.wayfinder.app..");

    @ArchTest
    static final ArchRule command_side_never_reaches_the_read_side = noClasses()
            .that().resideInAPackage("org.wayfinder.command..")
            .should().dependOnClassesThat().resideInAnyPackage("org.wayfinder.projection..", "org.wayfinder.query..")
            .because("the two sides meet only through events in the shared kernel");

    @ArchTest
    static final ArchRule read_side_never_reaches_the_command_side = noClasses()
            .that().resideInAnyPackage("org.wayfinder.projection..", "org.wayfinder.query..")
            .should().dependOnClassesThat().resideInAPackage("org.wayfinder.command..")
            .because("the two sides meet only through events in the shared kernel");

    @ArchTest
    static final ArchRule projections_do_not_serve_http = noClasses()
            .that().resideInAPackage("org.wayfinder.projection..")
            .should().dependOnClassesThat().resideInAnyPackage("org.wayfinder.query..", "org.springframework.web..");

    @ArchTest
    static final ArchRule modules_do_not_reach_into_the_app = noClasses()
            .that().resideInAnyPackage("org.wayfinder.command..", "org.wayfinder.projection..", "org.wayfinder.query..")
            .should().dependOnClassesThat().resideInAPackage("org.wayfinder.app..");

    @ArchTest
    static final ArchRule aggregates_are_free_of_spring = noClasses()
            .that().containAnyFieldsThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                    "annotated with @AggregateIdentifier", field -> field.isAnnotatedWith(AggregateIdentifier.class)))
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..")
            .because("business rules stay testable without a container");
}
