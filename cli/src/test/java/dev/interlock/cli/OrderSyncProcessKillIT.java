package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.interlock.core.ContractLoader;
import dev.interlock.core.ContractSet;
import dev.interlock.core.Fixtures;
import dev.interlock.core.LoadOptions;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.manifest.Manifest;
import dev.interlock.mocks.Sandbox;
import dev.interlock.mocks.SandboxOptions;
import dev.interlock.mocks.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code interlock run order-sync} in a real OS process, killed with SIGKILL midway and resumed by
 * a second process from the same state folder. The sandboxes run here, in the test's JVM, so they
 * and their ledgers outlive the killed process ({@code --sandbox VENDOR=URL}); the run then waits
 * in real time.
 *
 * <p>The kill is aimed: once some orders are through, the payments sandbox is made to hold its
 * answers back for 3 s, and the process is killed as soon as the next charge is in the ledger. So
 * the kill lands after the vendor's side effect and before order-sync recorded it: the resumed
 * process must repeat that charge, and the sandbox must replay it (same credentials from the state
 * folder, same idempotency key) rather than charge twice.
 */
class OrderSyncProcessKillIT {

  static final long SEED = 7;
  static final int ORDERS = 40;
  static final Duration BOUND = Duration.ofSeconds(120);
  static final List<String> VENDORS = List.of("payments", "accounting", "fulfilment");

  @TempDir Path dir;
  final Map<String, Sandbox> sandboxes = new LinkedHashMap<>();

  @BeforeEach
  void startSandboxes() {
    Path contracts = Fixtures.bundledContracts();
    ContractSet set =
        new ContractLoader(LoadOptions.forRoot(contracts)).loadAll(List.of(contracts));
    Manifest manifest = set.manifest().orElseThrow();
    for (String vendor : VENDORS) {
      List<OpenApiContract> versions = new ArrayList<>();
      for (Manifest.VendorVersion v : manifest.vendors().get(vendor).versions().values()) {
        versions.add(
            (OpenApiContract) set.contractAt(manifest.root().resolve(v.contract())).orElseThrow());
      }
      // real clock; no keys or clients configured: any non-empty credential is accepted
      sandboxes.put(
          vendor,
          Sandbox.start(
              versions, SandboxOptions.builder().seed(SEED).scenario(Scenario.normal()).build()));
    }
  }

  @AfterEach
  void stopSandboxes() {
    sandboxes.values().forEach(Sandbox::close);
  }

  @Test
  void aProcessKilledMidwayIsResumedByTheNextWithExactlyOneChargeEntryAndShipmentPerOrder()
      throws Exception {
    System.out.println("OrderSyncProcessKillIT: seed " + SEED + ", " + ORDERS + " orders");
    long t0 = System.nanoTime();
    Path state = dir.resolve("state");
    Sandbox payments = sandboxes.get("payments");

    Process first = start("first", state);
    awaitOrFail(first, "first", () -> charges() >= 10);
    // from now on the payments sandbox books a charge at once but answers it 3 s later
    payments.setScenario(Scenario.slow(Duration.ofSeconds(1000), Duration.ofSeconds(3)));
    int before = charges();
    // the second charge after the switch was certainly served on the slow scenario
    awaitOrFail(first, "first", () -> charges() >= before + 2);
    first.destroyForcibly();
    assertThat(first.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
    int chargedAtKill = charges();
    System.out.println(
        "OrderSyncProcessKillIT: killed the first process (exit "
            + first.exitValue()
            + ") with "
            + chargedAtKill
            + " charges in the payments ledger");
    assertThat(first.exitValue())
        .as("killed, not finished:%n%s", output("first"))
        .isNotIn(ExitCode.OK, ExitCode.FAILED, ExitCode.UNUSABLE_INPUT, ExitCode.INTERNAL_ERROR);
    assertThat(output("first")).doesNotContain("orders synced");
    assertThat(chargedAtKill).isLessThan(ORDERS);
    assertThat(recorded(state, "CHARGED"))
        .as("the kill came after a charge and before order-sync recorded it")
        .isEqualTo(chargedAtKill - 1);

    payments.setScenario(Scenario.normal());
    Process second = start("second", state);
    if (!second.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)) {
      second.destroyForcibly();
      fail("the second process did not finish in %s:%n%s", BOUND, output("second"));
    }
    String out = output("second");
    System.out.println(out);
    assertThat(second.exitValue()).as(out).isEqualTo(ExitCode.OK);
    assertThat(out).contains("orders synced   " + ORDERS + " of " + ORDERS, "dead letters    0");
    assertThat(out).contains("ledger payments   {charges=" + ORDERS + "}");
    assertThat(charges()).isEqualTo(ORDERS);
    assertThat(sandboxes.get("accounting").ledger().count("journal-entries")).isEqualTo(ORDERS);
    assertThat(sandboxes.get("fulfilment").ledger().count("shipments")).isEqualTo(ORDERS);
    System.out.printf(
        "OrderSyncProcessKillIT: %d ms wall for both processes%n",
        (System.nanoTime() - t0) / 1_000_000);
  }

  private int charges() {
    return sandboxes.get("payments").ledger().count("charges");
  }

  private Process start(String name, Path state) throws IOException {
    List<String> command =
        CliFixtures.interlockInANewJvm(
            List.of(
                "run",
                "order-sync",
                "--contracts",
                Fixtures.bundledContracts().toString(),
                "--orders",
                String.valueOf(ORDERS),
                "--seed",
                String.valueOf(SEED),
                "--state",
                state.toString()));
    sandboxes.forEach(
        (vendor, s) -> command.addAll(List.of("--sandbox", vendor + "=" + s.baseUrl())));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".out").toFile())
        .start();
  }

  private String output(String name) throws IOException {
    Path file = dir.resolve(name + ".out");
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }

  /** Polls until the condition holds, failing with the output if the process ends or time is up. */
  private void awaitOrFail(Process p, String name, BooleanSupplier condition) throws Exception {
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (!condition.getAsBoolean()) {
      if (!p.isAlive()) {
        fail(
            "the %s process ended (exit %d) before it could be killed; %d charges:%n%s",
            name, p.exitValue(), charges(), output(name));
      }
      if (System.nanoTime() > deadline) {
        p.destroyForcibly();
        fail("no progress in %s; %d charges:%n%s", BOUND, charges(), output(name));
      }
      Thread.sleep(5);
    }
  }

  /** How many orders the progress journal records the step for (a torn last line is skipped). */
  private static int recorded(Path state, String step) throws IOException {
    return (int)
        Files.readAllLines(state.resolve("progress.jsonl"), StandardCharsets.UTF_8).stream()
            .filter(l -> l.endsWith("}") && l.contains("\"step\":\"" + step + "\""))
            .count();
  }
}
