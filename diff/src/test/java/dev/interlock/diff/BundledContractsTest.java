package dev.interlock.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.interlock.core.ContractLoader;
import dev.interlock.core.ContractSet;
import dev.interlock.core.LoadOptions;
import dev.interlock.core.contract.PactContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The deliberate breaking changes of the bundled contracts are found, with the pacts they break.
 */
class BundledContractsTest {

  private static Path contracts() {
    String root = System.getProperty("interlock.root");
    assumeTrue(root != null, "interlock.root is not set");
    Path dir = Path.of(root, "contracts");
    assumeTrue(Files.isDirectory(dir.resolve("openapi")), "no bundled contracts");
    return dir;
  }

  private static DiffReport diff(Path contracts, String oldRel, String newRel) {
    Path o = contracts.resolve(oldRel);
    Path n = contracts.resolve(newRel);
    assumeTrue(
        Files.isRegularFile(o) && Files.isRegularFile(n), "missing " + oldRel + " or " + newRel);
    ContractLoader loader = new ContractLoader(LoadOptions.forRoot(contracts));
    DiffReport report = ContractDiff.compare(o, n, loader);
    System.out.println(
        DiffRenderer.relativeToWorkingDirectory().text(report, impact(contracts, report)));
    return report;
  }

  private static ConsumerImpact impact(Path contracts, DiffReport report) {
    ContractSet set =
        new ContractLoader(LoadOptions.forRoot(contracts)).loadAll(List.of(contracts));
    List<PactContract> pacts = set.pacts();
    return ConsumerImpact.of(report.changes(), pacts, set.manifest().orElse(null));
  }

  @Test
  void paymentsDeliberateBreakingChangesAreFound() {
    Path contracts = contracts();
    DiffReport report =
        diff(contracts, "openapi/payments/2024-06-01.yaml", "openapi/payments/2025-01-15.yaml");
    assertThat(report.diagnostics()).isEmpty();
    assertThat(report.breaking()).isNotEmpty();
  }

  @Test
  void fulfilmentV2DeliberateBreakingChangesAreFound() {
    Path contracts = contracts();
    DiffReport report = diff(contracts, "openapi/fulfilment/v1.yaml", "openapi/fulfilment/v2.yaml");
    assertThat(report.diagnostics()).isEmpty();
    assertThat(report.breaking()).isNotEmpty();
  }
}
