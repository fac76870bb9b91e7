package dev.interlock.verifiers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.Fixtures;
import dev.interlock.core.run.CheckResult;
import dev.interlock.core.run.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine: planning, selection, sharding, and the launcher face. */
class EngineTest {

  private static Set<String> keys(VerificationOptions options) {
    try (VerificationContext context = VerificationContext.load(options)) {
      Set<String> keys = new HashSet<>();
      InterlockVerification.plan(context)
          .values()
          .forEach(cases -> cases.forEach(c -> keys.add(c.key())));
      return keys;
    }
  }

  @Test
  void shardsSplitTheCasesStablyWithoutOverlapOrLoss() {
    VerificationOptions all = VerificationOptions.of(Fixtures.bundledContracts(), 1);
    Set<String> everything = keys(all);
    Set<String> first = keys(all.withShard(Shard.parse("1/2")));
    Set<String> second = keys(all.withShard(Shard.parse("2/2")));

    assertThat(first).doesNotContainAnyElementsOf(second);
    Set<String> union = new HashSet<>(first);
    union.addAll(second);
    assertThat(union).isEqualTo(everything);
    assertThat(keys(all.withShard(Shard.parse("1/2")))).isEqualTo(first);
  }

  @Test
  void checkGlobsSelectChecksById() {
    VerificationOptions options =
        VerificationOptions.of(Fixtures.bundledContracts(), 1).withChecks(List.of("version.*"));

    assertThat(keys(options)).isNotEmpty().allMatch(k -> k.startsWith("version."));
  }

  @Test
  void aBadShardIsRefusedWithAReason() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Shard.parse("3/2"))
        .hasMessageContaining("1 <= K <= N");
  }

  @Test
  void theLauncherRunsEveryPlannedCaseAndRecordsItsResult() {
    VerificationOptions options =
        VerificationOptions.of(Fixtures.bundledContracts(), 1).withChecks(List.of("contract.lint"));
    try (VerificationContext context = VerificationContext.load(options)) {
      List<String> progress = new ArrayList<>();
      List<CheckResult> results =
          VerificationEngine.run(
              context,
              new VerificationEngine.Progress() {
                @Override
                public void planned(int cases) {
                  progress.add("planned " + cases);
                }

                @Override
                public void finished(CheckResult result) {
                  progress.add(result.subject());
                }
              });

      assertThat(results).hasSize(12).allMatch(r -> r.outcome() == Outcome.PASSED);
      assertThat(progress).first().isEqualTo("planned 12");
      assertThat(progress).hasSize(13);
    }
  }

  @Test
  void anInvalidExampleFailsContractLintWithItsLocation(@TempDir Path dir) throws IOException {
    Path contracts = copy(Fixtures.bundledContracts(), dir.resolve("contracts"));
    Path payments = contracts.resolve("openapi/payments/2025-01-15.yaml");
    String spec = Files.readString(payments);
    Files.writeString(payments, spec.replaceFirst("last4: '4242'", "last4: 4242"));
    assertThat(Files.readString(payments)).isNotEqualTo(spec);

    try (VerificationContext context =
        VerificationContext.load(
            VerificationOptions.of(contracts, 1).withChecks(List.of("contract.lint")))) {
      List<CheckResult> results = VerificationEngine.run(context, VerificationEngine.Progress.NONE);

      CheckResult failed = results.stream().filter(CheckResult::failed).findFirst().orElseThrow();
      assertThat(failed.subject()).isEqualTo("openapi/payments/2025-01-15.yaml");
      assertThat(failed.findings())
          .anySatisfy(
              d -> {
                assertThat(d.code()).isEqualTo("lint.example.invalid");
                assertThat(d.location().line()).isPositive();
                assertThat(d.location().pointer().toString()).endsWith("/last4");
              });
    }
  }

  static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.sorted(Comparator.naturalOrder()).toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return to;
  }
}
