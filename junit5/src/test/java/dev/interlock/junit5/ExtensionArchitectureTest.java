package dev.interlock.junit5;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The extension sits at the edge beside the CLI (DESIGN.md, "Layout"): it drives the sandbox
 * through its public face only, judges nothing, and needs the adapters module only to build an
 * adapter a test asked for. {@code cli}'s ArchitectureTest cannot see this module, so its arrows
 * are checked here.
 */
class ExtensionArchitectureTest {

  private static JavaClasses extension;

  @BeforeAll
  static void importTheExtension() {
    extension =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.interlock.junit5");
  }

  @Test
  void theExtensionUsesOnlyTheSandboxsPublicFace() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.interlock.mocks.internal..")
        .because("the sandbox's engine may change shape at any time")
        .check(extension);
  }

  @Test
  void theExtensionNeitherJudgesNorReports() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.interlock.verifiers..",
            "dev.interlock.compat..",
            "dev.interlock.diff..",
            "dev.interlock.reports..",
            "dev.interlock.cli..",
            "dev.interlock.codegen..")
        .because("a team's test asserts for itself; verdicts are interlock verify's job")
        .check(extension);
  }

  @Test
  void onlyTheAdapterFactoryTouchesTheAdaptersModule() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("dev.interlock.junit5.internal.GeneratedAdapterFactory")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.interlock.adapters..")
        .because(
            "interlock-adapters is a provided dependency: a project without generated adapters"
                + " must never load it")
        .check(extension);
  }
}
