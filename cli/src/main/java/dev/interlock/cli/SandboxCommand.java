package dev.interlock.cli;

import dev.interlock.core.Diagnostic;
import dev.interlock.core.DiagnosticRenderer;
import dev.interlock.core.Diagnostics;
import dev.interlock.mocks.PactStub;
import dev.interlock.mocks.Sandbox;
import dev.interlock.mocks.SandboxFleet;
import dev.interlock.mocks.SandboxOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code interlock sandbox}: the vendors of a contracts folder (or any OpenAPI files) as local
 * servers.
 */
@Command(
    name = "sandbox",
    mixinStandardHelpOptions = true,
    description = {
      "Start a sandbox per vendor: validating, stateful, rate-limited, faulty on demand.",
      "Prints one line per vendor with its base URL and runs until Ctrl-C.",
      "Admin API under /__interlock/ (scenario, reset, journal, ledger)."
    })
public final class SandboxCommand implements Callable<Integer> {

  /** Defect warnings printed at start; more would bury the sandboxes' addresses. */
  private static final int SHOWN_WARNINGS = 10;

  @Spec CommandSpec spec;

  @Option(
      names = "--contracts",
      paramLabel = "DIR",
      description = "The contracts folder (default: contracts).")
  Path contracts;

  @Option(
      names = "--spec",
      paramLabel = "FILE",
      description = "An OpenAPI file to serve (repeatable); instead of --contracts.")
  List<Path> specs = new ArrayList<>();

  @Option(
      names = "--port",
      description = "Port of the first sandbox; the next ones count up (default: free ports).",
      defaultValue = "0")
  int port;

  @Option(
      names = "--scenario",
      description =
          "normal, flaky, slow, rate-limited, outage or scripted (default: ${DEFAULT-VALUE}).",
      defaultValue = "normal")
  String scenario;

  @Option(
      names = "--seed",
      description = "Seed of synthesized data and faults (default: ${DEFAULT-VALUE}).",
      defaultValue = "42")
  long seed;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      description =
          "Address to bind (default: ${DEFAULT-VALUE}); anything but loopback needs --admin-token.",
      defaultValue = SandboxOptions.LOOPBACK)
  String bind;

  @Option(
      names = "--admin-token",
      paramLabel = "TOKEN",
      description = "Bearer token the admin API requires.")
  String adminToken;

  @Option(
      names = "--max-concurrent",
      paramLabel = "N",
      description =
          "Requests one credential may have in flight at once; more get 429 with Retry-After: 1"
              + " (default: the contract's x-rate-limit concurrency, else no limit).",
      defaultValue = "0")
  int maxConcurrent;

  @Option(
      names = "--strict-errors",
      description =
          "Errors carry only what the contract declares; by default an error whose status declares"
              + " no body is answered as RFC 9457 problem+json saying what is wrong.")
  boolean strictErrors;

  @Mixin LoadingOptions loading;

  @Mixin SandboxPactOptions pact;

  @Mixin SandboxKafkaOptions kafka;

  /** What start() loaded, for the Kafka side. */
  private SandboxFleet fleet;

  @Override
  public Integer call() throws InterruptedException {
    Console console =
        new Console(
            spec.commandLine().getOut(), spec.commandLine().getErr(), System.console() != null);
    SandboxKafkaOptions.Checked kafkaFlags = kafka.check(scenario);
    // the server's and validators' classes load on the other core while the contracts parse
    Sandbox.prepareInBackground();
    List<Sandbox> sandboxes;
    try {
      sandboxes = start(console);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    if (sandboxes.isEmpty()) {
      return ExitCode.UNUSABLE_INPUT;
    }
    SandboxKafka onKafka;
    try {
      onKafka = kafkaFlags.start(fleet, seed, console);
    } catch (UsageException e) {
      sandboxes.forEach(Sandbox::close);
      throw e;
    }
    Optional<PactStub> stub;
    try {
      stub = startPactStub(console);
    } catch (UsageException e) {
      onKafka.close();
      sandboxes.forEach(Sandbox::close);
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stub.ifPresent(PactStub::close);
                  onKafka.close();
                  sandboxes.forEach(Sandbox::close);
                  stopped.countDown();
                },
                "interlock-sandbox-shutdown"));
    console.out().println("seed " + seed + " · scenario " + scenario + " · Ctrl-C to stop");
    console.out().flush();
    stopped.await();
    return ExitCode.OK;
  }

  /**
   * The stub of {@code --pact}, when pacts were named: what consumers expect, beside the contract.
   */
  Optional<PactStub> startPactStub(Console console) {
    return pact.start(bind, seed, console);
  }

  /** Loads the contracts and starts one sandbox per vendor; prints a line for each. */
  List<Sandbox> start(Console console) {
    return List.copyOf(startByVendor(console).values());
  }

  /** As {@link #start}, keyed by vendor id (what {@code Embedded} exports as base URL names). */
  Map<String, Sandbox> startByVendor(Console console) {
    List<Diagnostic> problems = new ArrayList<>();
    SandboxFleet loaded = ServedContracts.load(contracts, specs, loading, problems);
    this.fleet = loaded;
    if (Diagnostics.anyUnusableInput(problems) || loaded.vendors().isEmpty()) {
      console
          .out()
          .print(
              DiagnosticRenderer.relativeToWorkingDirectory()
                  .render(problems.stream().filter(Diagnostic::isError).toList()));
      console.out().println("interlock sandbox: nothing to serve");
      return Map.of();
    }
    warnAboutDefects(problems, console);
    SandboxOptions options =
        SandboxOptions.builder()
            .port(port)
            .bindAddress(bind)
            .adminToken(adminToken)
            .seed(seed)
            .scenario(loaded.scenario(scenario))
            .maxConcurrentRequests(maxConcurrent)
            .strictErrors(strictErrors)
            .build();
    Map<String, Sandbox> started = loaded.startAll(options);
    started.forEach(
        (vendor, sandbox) ->
            console
                .out()
                .printf(
                    "%-12s %-26s %s%n",
                    vendor, String.join(", ", sandbox.versions()), sandbox.baseUrl()));
    return started;
  }

  /**
   * A contract with small defects is served, and the user is told what they are: the first few on
   * stderr (stdout lists the sandboxes, which scripts read), with lint named for the rest.
   */
  private static void warnAboutDefects(List<Diagnostic> problems, Console console) {
    List<Diagnostic> warnings = problems.stream().filter(d -> !d.isError()).toList();
    if (warnings.isEmpty()) {
      return;
    }
    console
        .err()
        .print(
            DiagnosticRenderer.relativeToWorkingDirectory()
                .render(warnings.subList(0, Math.min(SHOWN_WARNINGS, warnings.size()))));
    if (warnings.size() > SHOWN_WARNINGS) {
      console
          .err()
          .printf(
              "interlock sandbox: %d more warnings; 'interlock lint' lists them all%n",
              warnings.size() - SHOWN_WARNINGS);
    }
  }
}
