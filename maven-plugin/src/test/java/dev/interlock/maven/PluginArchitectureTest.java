package dev.interlock.maven;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The plugin's one arrow: at compile time it knows {@code core} and {@code codegen} only. A class
 * of the engine's modules named here would make this reactor a cycle ({@code generated-clients} and
 * {@code adapters} are built with this plugin, and the engine is built from them); the engine is
 * reached at run time through its class loader instead. Kept beside cli's {@code ArchitectureTest},
 * which cannot see this module (cli is built after it).
 */
class PluginArchitectureTest {

  @Test
  void thePluginUsesNoEngineClassOnlyCoreAndCodegen() {
    JavaClasses plugin =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.interlock.maven");
    noClasses()
        .that()
        .resideInAPackage("dev.interlock.maven..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.interlock.cli..",
            "dev.interlock.verifiers..",
            "dev.interlock.mocks..",
            "dev.interlock.adapters..",
            "dev.interlock.compat..",
            "dev.interlock.diff..",
            "dev.interlock.reports..")
        .because("the engine is resolved at run time; depending on it would be a reactor cycle")
        .check(plugin);
  }
}
