package dev.interlock.core.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.ContractLoader;
import dev.interlock.core.Diagnostic;
import dev.interlock.core.Fixtures;
import dev.interlock.core.LoadOptions;
import dev.interlock.core.Severity;
import dev.interlock.core.contract.Contract;
import dev.interlock.core.lint.rules.OverlappingOneOf;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OverlappingOneOfRuleTest {

  private final Path dir = Fixtures.resource("lint");
  private final Contract contract =
      new ContractLoader(LoadOptions.forRoot(dir))
          .load(dir.resolve("overlapping-oneof.yaml"))
          .contract()
          .orElseThrow();

  private List<Diagnostic> findings() {
    return Linter.withDefaultRules(Map.of()).lint(List.of(contract)).stream()
        .filter(d -> d.code().equals(OverlappingOneOf.ID))
        .toList();
  }

  @Test
  void twoOpenObjectBranchesAndTwoIdenticalBranchesAreWarnedAboutAtTheirOneOf() {
    assertThat(findings())
        .extracting(d -> d.location().pointer().toString(), d -> d.location().line())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "#/paths/~1subscriptions/post/requestBody/content/application~1json/schema/oneOf",
                11),
            org.assertj.core.groups.Tuple.tuple("#/components/schemas/Same/oneOf", 21));
    assertThat(findings()).allSatisfy(d -> assertThat(d.severity()).isEqualTo(Severity.WARNING));
    assertThat(findings().get(0).message()).contains("branches 0 and 1", "accept every object");
    assertThat(findings().get(1).message()).contains("identical");
  }

  @Test
  void branchesToldApartByRequiredMembersOrAClosedObjectOrTheirTypesAreNotReported() {
    assertThat(findings()).isNotEmpty(); // the rule ran over this document
    assertThat(findings())
        .extracting(d -> d.location().pointer().toString())
        .noneMatch(p -> p.contains("ToldApart") || p.contains("Scalars"));
  }

  @Test
  void aOneOfInsideAnExampleIsDataAndNotReported() {
    assertThat(findings()).isNotEmpty(); // the rule ran over this document
    assertThat(findings())
        .extracting(d -> d.location().pointer().toString())
        .noneMatch(p -> p.contains("WithAnExample"));
  }
}
