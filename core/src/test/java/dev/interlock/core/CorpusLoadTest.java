package dev.interlock.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.lint.Linter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real contract of the shared corpus loads and lints; findings are diagnostics, nothing
 * throws.
 */
class CorpusLoadTest {

  static Stream<Path> corpusContracts() throws IOException {
    Path root = Fixtures.corpus("");
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.toString().matches(".*\\.(ya?ml|json)$"))
          .filter(p -> !p.toString().contains("pact-specification"))
          .filter(
              p ->
                  !p.toString().contains("multi-file/schemas")
                      && !p.toString().contains("multi-file/examples"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpusContracts")
  void loadsAndLintsWithoutAnExceptionEscaping(Path file) {
    ContractLoader loader = new ContractLoader(LoadOptions.forRoot(Fixtures.corpus("")));

    assertThatCode(
            () -> {
              LoadResult result = loader.load(file);
              assertThat(result.contract()).as("contract of " + file).isPresent();
              assertThat(result.diagnostics())
                  .as("no load failure in " + file)
                  .noneMatch(Diagnostics::isUnusableInput);
              Linter.withDefaultRules(Map.of()).lint(List.of(result.contract().get()));
            })
        .doesNotThrowAnyException();
  }

  @Test
  void stripeLoadsWithAllItsOperations() {
    Path stripe = Fixtures.corpus("openapi/stripe/stripe_spec3_2023-09-12_api-2023-08-16.yaml");

    LoadResult result = new ContractLoader(LoadOptions.forRoot(stripe.getParent())).load(stripe);

    OpenApiContract contract = (OpenApiContract) result.contract().orElseThrow();
    assertThat(contract.operations()).hasSize(468);
    assertThat(result.diagnostics()).noneMatch(Diagnostic::isError);
  }
}
