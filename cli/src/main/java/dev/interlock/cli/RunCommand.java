package dev.interlock.cli;

import dev.interlock.adapters.ordersync.OrderSyncOptions;
import dev.interlock.adapters.ordersync.OrderSyncOutcome;
import dev.interlock.adapters.ordersync.OrderSyncRun;
import dev.interlock.adapters.ordersync.RunningSandboxes;
import dev.interlock.adapters.ordersync.SandboxLauncher;
import dev.interlock.kafka.KafkaOrderFeedBroker;
import dev.interlock.verifiers.ordersync.MocksSandboxLauncher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code interlock run order-sync}: the reference integration, end to end, against the sandboxes.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run an integration adapter end to end against the sandboxes (adapters: order-sync).",
      "Starts the sandboxes (or uses running ones: --sandbox), feeds N generated orders through",
      "the storefront's signed webhooks (or, with --kafka, publishes them as order.created to",
      "Kafka, where order-sync consumes them as a group and emits order.synced), and prints",
      "the outcome and the ledger totals."
    })
public final class RunCommand implements Callable<Integer> {

  enum Format {
    text,
    json
  }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ADAPTER", description = "The adapter to run: order-sync.")
  String adapter;

  @Option(
      names = "--contracts",
      paramLabel = "DIR",
      description = "The contracts folder (default: ${DEFAULT-VALUE}).",
      defaultValue = "contracts")
  Path contracts;

  @Option(
      names = "--orders",
      description = "How many orders to feed (default: ${DEFAULT-VALUE}).",
      defaultValue = "20")
  int orders;

  @Option(
      names = "--scenario",
      description =
          "Sandbox scenario: normal, flaky, slow, rate-limited, outage (default: ${DEFAULT-VALUE}).",
      defaultValue = "normal")
  String scenario;

  @Option(
      names = "--seed",
      description =
          "Seed of orders, faults, jitter and delivery order (default: ${DEFAULT-VALUE}).",
      defaultValue = "7")
  long seed;

  @Option(
      names = "--duplicates",
      paramLabel = "SHARE",
      description = "Share of deliveries repeated, out of order (0..1; default: ${DEFAULT-VALUE}).",
      defaultValue = "0")
  double duplicates;

  @Option(
      names = "--kill-after",
      paramLabel = "N",
      description =
          "Crash the adapter after N side effects, then restart it from its progress journal.",
      defaultValue = "0")
  int killAfter;

  @Option(
      names = "--fulfilment",
      paramLabel = "VERSION",
      description =
          "Fulfilment version: v1 or v2 (default: what the manifest says the adapter uses).")
  String fulfilment;

  @Option(
      names = "--state",
      paramLabel = "DIR",
      description =
          "Where progress, dead letters and sandbox secrets are kept (default: a fresh temporary folder).")
  Path state;

  @Option(
      names = "--sandbox",
      paramLabel = "VENDOR=URL",
      description = {
        "Use the sandbox already running at URL for VENDOR (e.g. started by 'interlock sandbox')",
        "instead of starting one; give one for each vendor the run calls (payments, accounting,",
        "fulfilment). The run then waits in real time, and the sandboxes keep their own scenario."
      })
  Map<String, String> sandboxes = new LinkedHashMap<>();

  @Option(
      names = "--admin-token",
      paramLabel = "TOKEN",
      description =
          "With --sandbox: the admin token the running sandboxes were started with (their ledgers"
              + " are read through the admin API).")
  String adminToken;

  @Mixin KafkaOptions kafka;

  @Option(
      names = "--consumers",
      paramLabel = "N",
      description =
          "With --kafka: order-sync's consumer group grows to N members, the second joining once"
              + " the first has committed a batch (default: ${DEFAULT-VALUE}).",
      defaultValue = "1")
  int consumers;

  @Option(
      names = "--format",
      description = "text or json (default: ${DEFAULT-VALUE}).",
      defaultValue = "text")
  Format format;

  @Override
  public Integer call() throws IOException {
    if (!"order-sync".equals(adapter)) {
      throw new UsageException("unknown adapter '" + adapter + "' (known: order-sync)");
    }
    if (!Files.isRegularFile(contracts.resolve("interlock.yaml"))) {
      throw new UsageException(contracts + ": no interlock.yaml here (pass --contracts DIR)");
    }
    if (orders < 1 || duplicates < 0 || duplicates > 1 || killAfter < 0) {
      throw new UsageException(
          "--orders must be at least 1, --duplicates within 0..1, --kill-after not negative");
    }
    String bootstrap = kafka.bootstrap();
    if (consumers < 1) {
      throw new UsageException("--consumers must be at least 1");
    }
    if (bootstrap == null && spec.commandLine().getParseResult().hasMatchedOption("--consumers")) {
      throw new UsageException("--consumers applies to a run on Kafka only (--kafka)");
    }
    boolean running = !sandboxes.isEmpty();
    if (adminToken != null && !running) {
      throw new UsageException("--admin-token applies to running sandboxes only (--sandbox)");
    }
    if (running && spec.commandLine().getParseResult().hasMatchedOption("--scenario")) {
      throw new UsageException(
          "--scenario does not apply to running sandboxes (--sandbox): they keep their own"
              + " (set it with 'interlock sandbox --scenario' or POST /__interlock/scenario)");
    }
    SandboxLauncher launcher;
    try {
      launcher = running ? RunningSandboxes.of(sandboxes, adminToken) : new MocksSandboxLauncher();
    } catch (IllegalArgumentException e) {
      throw new UsageException("--sandbox: " + e.getMessage());
    }
    Path stateDir = state != null ? state : Files.createTempDirectory("interlock-order-sync-");
    OrderSyncOptions options =
        OrderSyncOptions.of(
                contracts, orders, running ? "of the running sandboxes" : scenario, seed, stateDir)
            .withDuplicates(duplicates)
            .withKillAfter(killAfter);
    if (fulfilment != null) {
      options = options.withFulfilmentVersion(fulfilment);
    }
    OrderSyncOutcome outcome;
    try {
      outcome =
          bootstrap == null
              ? OrderSyncRun.run(options, launcher)
              : OrderSyncRun.runOnFeed(
                  options, launcher, KafkaOrderFeedBroker.feeds(bootstrap), consumers, line -> {});
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    } catch (IllegalStateException e) {
      if (bootstrap == null) {
        throw e;
      }
      // the cluster cannot be reached or refuses the topics: the --kafka value is the input
      throw new UsageException("--kafka " + bootstrap + ": " + e.getMessage());
    }
    spec.commandLine()
        .getOut()
        .println(format == Format.json ? outcome.toJson() : outcome.render());
    boolean exact = outcome.ordersSynced() == orders && outcome.deadLetters().isEmpty();
    return exact ? ExitCode.OK : ExitCode.FAILED;
  }
}
