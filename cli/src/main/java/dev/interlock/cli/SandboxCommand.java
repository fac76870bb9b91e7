package dev.interlock.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.core.ContractLoader;
import dev.interlock.core.ContractSet;
import dev.interlock.core.Diagnostic;
import dev.interlock.core.DiagnosticRenderer;
import dev.interlock.core.Diagnostics;
import dev.interlock.core.contract.AsyncApiContract;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.manifest.ContractOwner;
import dev.interlock.core.manifest.Manifest;
import dev.interlock.mocks.PactStub;
import dev.interlock.mocks.PactStubOptions;
import dev.interlock.mocks.Sandbox;
import dev.interlock.mocks.SandboxOptions;
import dev.interlock.mocks.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

  @Option(
      names = "--pact",
      paramLabel = "PACT",
      description =
          "Also serve these pacts (files, or folders of *.json pacts) as a stub on a port of its own,"
              + " as 'interlock stub' does, on the same address and seed (repeatable).")
  List<Path> pacts = new ArrayList<>();

  @Mixin KafkaOptions kafka;

  @Option(
      names = "--kafka-events",
      paramLabel = "N",
      description =
          "Events of each message the Kafka-bound contracts send, published at start"
              + " (default: ${DEFAULT-VALUE}).",
      defaultValue = "10")
  int kafkaEvents;

  @Option(
      names = "--kafka-delivery",
      paramLabel = "MODE",
      description =
          "How Kafka events are delivered: in-order, duplicates, reordered or flaky (both)"
              + " (default: flaky with --scenario flaky, else in-order).")
  String kafkaDelivery;

  /** What start() loaded, for the Kafka side. */
  private Manifest manifest;

  private final List<AsyncApiContract> asyncApi = new ArrayList<>();

  @Override
  public Integer call() throws InterruptedException {
    Console console =
        new Console(
            spec.commandLine().getOut(), spec.commandLine().getErr(), System.console() != null);
    String delivery = SandboxKafka.delivery(kafkaDelivery, scenario);
    String bootstrap = kafka.bootstrap();
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
      onKafka =
          SandboxKafka.start(manifest, asyncApi, bootstrap, kafkaEvents, delivery, seed, console);
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
    if (pacts.isEmpty()) {
      return Optional.empty();
    }
    PactStubOptions options = PactStubOptions.defaults().withHost(bind).withSeed(seed);
    return Optional.of(StubCommand.serve(pacts, options, console));
  }

  /** Loads the contracts and starts one sandbox per vendor; prints a line for each. */
  List<Sandbox> start(Console console) {
    return List.copyOf(startByVendor(console).values());
  }

  /** As {@link #start}, keyed by vendor id (what {@code Embedded} exports as base URL names). */
  Map<String, Sandbox> startByVendor(Console console) {
    Map<String, List<OpenApiContract>> byVendor = new LinkedHashMap<>();
    List<AsyncApiContract> allAsyncApi = new ArrayList<>();
    Manifest manifest = null;
    List<Diagnostic> problems = new ArrayList<>();
    if (!specs.isEmpty()) {
      for (Path file : specs) {
        if (!Files.isRegularFile(file)) {
          throw new UsageException(file + ": no such file");
        }
        var result =
            new ContractLoader(loading.forRoot(file.toAbsolutePath().getParent())).load(file);
        problems.addAll(result.diagnostics());
        if (result.contract().orElse(null) instanceof OpenApiContract c) {
          byVendor.computeIfAbsent(stem(file), k -> new ArrayList<>()).add(c);
        } else if (result.contract().isPresent()) {
          throw new UsageException(file + ": not an OpenAPI contract (sandboxes serve HTTP APIs)");
        }
      }
    } else {
      Path dir = contracts != null ? contracts : Path.of("contracts");
      if (!Files.isDirectory(dir)) {
        throw new UsageException(
            dir + ": no contracts folder (pass --contracts DIR or --spec FILE)");
      }
      ContractSet set = new ContractLoader(loading.forRoot(dir)).loadAll(List.of(dir));
      problems.addAll(set.diagnostics());
      manifest = set.manifest().orElse(null);
      allAsyncApi.addAll(set.asyncApi());
      this.manifest = manifest;
      this.asyncApi.addAll(set.asyncApi());
      for (OpenApiContract c : set.openApi()) {
        byVendor
            .computeIfAbsent(ContractOwner.idOf(manifest, c.file()), k -> new ArrayList<>())
            .add(c);
      }
    }
    if (Diagnostics.anyUnusableInput(problems) || byVendor.isEmpty()) {
      console
          .out()
          .print(
              DiagnosticRenderer.relativeToWorkingDirectory()
                  .render(problems.stream().filter(Diagnostic::isError).toList()));
      console.out().println("interlock sandbox: nothing to serve");
      return Map.of();
    }
    Scenario chosen = scenario(manifest);
    List<AsyncApiContract> asyncApi = allAsyncApi;
    Map<String, Sandbox> started = new LinkedHashMap<>();
    int next = port;
    for (Map.Entry<String, List<OpenApiContract>> e : byVendor.entrySet()) {
      SandboxOptions options =
          SandboxOptions.builder()
              .events(eventsOf(e.getKey(), manifest, asyncApi))
              .port(next)
              .bindAddress(bind)
              .adminToken(adminToken)
              .seed(seed)
              .scenario(chosen)
              .maxConcurrentRequests(maxConcurrent)
              .strictErrors(strictErrors)
              .build();
      Sandbox sandbox = Sandbox.start(e.getValue(), options);
      started.put(e.getKey(), sandbox);
      console
          .out()
          .printf(
              "%-12s %-26s %s%n",
              e.getKey(), String.join(", ", sandbox.versions()), sandbox.baseUrl());
      next = next == 0 ? 0 : next + 1;
    }
    return started;
  }

  /**
   * The event contracts a vendor's sandbox delivers: those of the manifest's event systems named
   * after it ({@code storefront-webhooks} for {@code storefront}), delivered as webhooks.
   */
  private static List<AsyncApiContract> eventsOf(
      String vendor, Manifest manifest, List<AsyncApiContract> all) {
    if (manifest == null) {
      return List.of();
    }
    List<AsyncApiContract> out = new ArrayList<>();
    for (Manifest.EventSystem events : manifest.events().values()) {
      if (!"webhook".equals(events.transport())
          || !(events.id().equals(vendor) || events.id().startsWith(vendor + "-"))) {
        continue;
      }
      for (AsyncApiContract a : all) {
        if (a.file()
            .toAbsolutePath()
            .normalize()
            .equals(events.contract().toAbsolutePath().normalize())) {
          out.add(a);
        }
      }
    }
    return out;
  }

  private Scenario scenario(Manifest manifest) {
    JsonNode settings = manifest == null ? null : manifest.scenarios().get(scenario);
    if (settings instanceof ObjectNode object) {
      ObjectNode withName = object.deepCopy();
      withName.put("name", scenario);
      return Scenario.fromJson(withName);
    }
    return Scenario.named(scenario);
  }

  private static String stem(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
