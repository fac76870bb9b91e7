package dev.interlock.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The arrows of the design (DESIGN.md, "Layout"), checked on the compiled classes of every module
 * the CLI is built from: {@code cli → verifiers → {mocks, adapters, compat, diff} → core}, {@code
 * reports → core}, {@code adapters → generated clients}, and the arrows that must never exist. The
 * CLI module sees all the others, which is why the test lives here.
 */
class ArchitectureTest {

  private static JavaClasses main;

  @BeforeAll
  static void importTheModules() {
    main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // Under 'mvn verify' the other modules come as jars, a test-jar among them.
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.interlock");
  }

  @Test
  void modulesDependOnlyAlongTheArrowsOfTheDesign() {
    ArchRule arrows =
        layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("cli")
            .definedBy(module("cli"))
            .layer("verifiers")
            .definedBy(module("verifiers"))
            .layer("reports")
            .definedBy(module("reports"))
            .layer("mocks")
            .definedBy(module("mocks"))
            .layer("adapters")
            .definedBy(module("adapters"))
            .layer("kafka")
            .definedBy(module("kafka"))
            .layer("compat")
            .definedBy(module("compat"))
            .layer("diff")
            .definedBy(module("diff"))
            .layer("broker")
            .definedBy(module("broker"))
            .layer("clients")
            .definedBy(module("generated-clients"))
            .layer("core")
            .definedBy(module("core"))
            .whereLayer("cli")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("verifiers")
            .mayOnlyBeAccessedByLayers("cli")
            .whereLayer("reports")
            .mayOnlyBeAccessedByLayers("cli")
            .whereLayer("mocks")
            .mayOnlyBeAccessedByLayers("verifiers", "cli", "kafka")
            .whereLayer("adapters")
            .mayOnlyBeAccessedByLayers("verifiers", "cli", "kafka")
            .whereLayer("kafka")
            .mayOnlyBeAccessedByLayers("verifiers", "cli")
            .whereLayer("compat")
            .mayOnlyBeAccessedByLayers("verifiers", "cli")
            .whereLayer("diff")
            .mayOnlyBeAccessedByLayers("verifiers", "cli")
            .whereLayer("broker")
            .mayOnlyBeAccessedByLayers("verifiers", "cli")
            .whereLayer("clients")
            .mayOnlyBeAccessedByLayers("adapters", "verifiers", "cli");
    arrows.check(main);
  }

  /**
   * The classes a module compiled. Modules are told apart by where their classes come from (its
   * {@code target/classes} folder or its jar in {@code target/}), not by package: the generated
   * adapters sit in the clients' packages but are compiled by {@code adapters}, over the generated
   * clients.
   */
  private static DescribedPredicate<JavaClass> module(String name) {
    String folder = "/" + name + "/target/";
    return DescribedPredicate.describe(
        "compiled by module " + name,
        c -> c.getSource().map(s -> s.getUri().toString().contains(folder)).orElse(false));
  }

  @Test
  void everyModuleOfTheDesignIsImported() {
    for (String name :
        List.of(
            "core",
            "mocks",
            "adapters",
            "kafka",
            "compat",
            "diff",
            "broker",
            "generated-clients",
            "verifiers",
            "reports",
            "cli")) {
      assertThat(main.stream().anyMatch(module(name))).as(name).isTrue();
    }
  }

  @Test
  void coreKnowsNoMockServerNoCheckNoScreenAndNoReportFormat() {
    noClasses()
        .that()
        .resideInAPackage("dev.interlock.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.github.tomakehurst..",
            "wiremock..",
            "org.wiremock..",
            "au.com.dius.pact.consumer..",
            "au.com.dius.pact.provider..",
            "org.junit..",
            "org.opentest4j..",
            "picocli..",
            "io.qameta.allure..",
            "dev.interlock.verifiers..",
            "dev.interlock.reports..",
            "dev.interlock.mocks..")
        .because("core holds the contract model and the run model, read by everyone else")
        .check(main);
  }

  @Test
  void theSandboxServesAndNeverJudges() {
    noClasses()
        .that()
        .resideInAPackage("dev.interlock.mocks..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.interlock.verifiers..",
            "dev.interlock.compat..",
            "dev.interlock.diff..",
            "dev.interlock.reports..",
            "org.junit..",
            "org.opentest4j..")
        .because("verdicts are the verifiers' job; the sandbox only answers like the contract says")
        .check(main);
  }

  @Test
  void nothingOutsideTheSandboxReachesIntoItsInternals() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.interlock.mocks..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.interlock.mocks.internal..")
        .because(
            "the sandbox's engine may change shape at any time; a judge or a driver asks what it"
                + " needs through mocks' public face (SandboxContract, Sandbox)")
        .check(main);
  }

  @Test
  void reportWritersReadOnlyTheRunModel() {
    noClasses()
        .that()
        .resideInAPackage("dev.interlock.reports..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.interlock.core.contract..",
            "dev.interlock.core.manifest..",
            "dev.interlock.core.document..",
            "dev.interlock.core.lint..",
            "org.junit..")
        .because("a saved run re-renders with nothing but the run (interlock report --from)")
        .check(main);
  }

  @Test
  void adaptersNeverUseTheSandbox() {
    noClasses()
        .that()
        .resideInAPackage("dev.interlock.adapters..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.interlock.mocks..")
        .because("an adapter talks to a vendor over HTTP, whoever answers")
        .check(main);
  }

  @Test
  void adapterTestsStartTheSandboxOnlyThroughItsPublicFace() {
    Path adapterTests =
        Path.of(System.getProperty("interlock.root", "..")).resolve("adapters/target/test-classes");
    assumeTrue(Files.isDirectory(adapterTests), "adapters' tests are not compiled");
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.interlock.mocks.internal..")
        .because("adapter tests may start a sandbox, never reach inside it")
        .check(new ClassFileImporter().importPath(adapterTests));
  }
}
