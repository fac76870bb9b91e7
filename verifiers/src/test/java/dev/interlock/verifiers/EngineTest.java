package dev.interlock.verifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.core.Fixtures;
import dev.interlock.core.run.CheckResult;
import dev.interlock.core.run.Outcome;
import dev.interlock.core.run.RunReport;
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
    try (VerificationRun run = VerificationRun.open(options, Verification.Listener.NONE)) {
      Set<String> keys = new HashSet<>();
      run.plan().values().forEach(cases -> cases.forEach(c -> keys.add(c.key())));
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
    assertThatThrownBy(() -> Shard.parse("3/2")).hasMessageContaining("1 <= K <= N");
  }

  @Test
  void theLauncherRunsEveryPlannedCaseAndRecordsItsResult() {
    VerificationOptions options =
        VerificationOptions.of(Fixtures.bundledContracts(), 1).withChecks(List.of("contract.lint"));
    List<String> progress = new ArrayList<>();
    List<CheckResult> results =
        Verification.run(
                options,
                new Verification.Listener() {
                  @Override
                  public void planned(int cases) {
                    progress.add("planned " + cases);
                  }

                  @Override
                  public void finished(CheckResult result) {
                    progress.add(result.subject());
                  }
                })
            .results();

    assertThat(results).hasSize(12).allMatch(r -> r.outcome() == Outcome.PASSED);
    assertThat(progress).first().isEqualTo("planned 12");
    assertThat(progress).hasSize(13);
  }

  @Test
  void theRunReportCarriesTheSeedTheCommandAndTheContractsUsed() {
    VerificationOptions options =
        VerificationOptions.of(Fixtures.bundledContracts(), 5)
            .withChecks(List.of("contract.lint"))
            .withIdentity("interlock verify --seed 5", "1.2.3");

    RunReport run = Verification.run(options, Verification.Listener.NONE);

    assertThat(run.seed()).isEqualTo(5);
    assertThat(run.command()).isEqualTo("interlock verify --seed 5");
    assertThat(run.interlockVersion()).isEqualTo("1.2.3");
    assertThat(run.contracts()).extracting(c -> c.path()).contains("interlock.yaml");
    assertThat(run.results()).hasSize(12);
  }

  @Test
  void unusableContractsRunNothingAndSayWhere(@TempDir Path dir) throws IOException {
    Path contracts = copy(Fixtures.bundledContracts(), dir.resolve("contracts"));
    Files.writeString(contracts.resolve("openapi/payments/2025-01-15.yaml"), "openapi: 3.0.3\n: [");

    assertThatThrownBy(
            () ->
                Verification.run(VerificationOptions.of(contracts, 1), Verification.Listener.NONE))
        .isInstanceOfSatisfying(
            UnusableContractsException.class,
            e ->
                assertThat(e.diagnostics())
                    .isNotEmpty()
                    .allSatisfy(
                        d ->
                            assertThat(d.location().file().toString())
                                .endsWith("2025-01-15.yaml")));
  }

  @Test
  void anInvalidExampleFailsContractLintWithItsLocation(@TempDir Path dir) throws IOException {
    Path contracts = copy(Fixtures.bundledContracts(), dir.resolve("contracts"));
    Path payments = contracts.resolve("openapi/payments/2025-01-15.yaml");
    String spec = Files.readString(payments);
    Files.writeString(payments, spec.replaceFirst("last4: '4242'", "last4: 4242"));
    assertThat(Files.readString(payments)).isNotEqualTo(spec);

    List<CheckResult> results =
        Verification.run(
                VerificationOptions.of(contracts, 1).withChecks(List.of("contract.lint")),
                Verification.Listener.NONE)
            .results();

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
