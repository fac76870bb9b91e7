package dev.interlock.cli;

import dev.interlock.broker.FetchedPact;
import dev.interlock.broker.PactBroker;
import dev.interlock.broker.PactsForVerification;
import dev.interlock.broker.ProviderVerification;
import dev.interlock.broker.VerificationRequest;
import dev.interlock.core.Severity;
import dev.interlock.core.run.CheckResult;
import dev.interlock.core.run.ContractInfo;
import dev.interlock.core.run.Outcome;
import dev.interlock.core.run.RunReport;
import dev.interlock.verifiers.Verification;
import dev.interlock.verifiers.VerificationOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code interlock verify --broker}: fetches the provider's pacts for verification, runs the same
 * checks as for local pacts over them, reports pending and WIP pacts' failures without failing the
 * run, and publishes one verification result per pact.
 *
 * <p>Results are told apart by consumer and provider; when the broker gives two pacts of the same
 * pair (two consumer versions, e.g. main and production), they are verified in separate runs, and
 * the second run contributes only its pacts' results.
 */
final class BrokerVerification {

  static final String SELECTOR_CHECK = "broker.selector-matches";
  static final String PUBLISH_CHECK = "broker.results-published";

  private BrokerVerification() {}

  static RunReport run(
      VerificationOptions options,
      BrokerOptions broker,
      Path reports,
      Console console,
      Verification.Listener listener,
      Map<String, String> env) {
    Path contracts = options.contracts();
    VerificationRequest request = broker.request(contracts, env);
    String providerVersion = broker.providerVersion(contracts, env);
    PactBroker client =
        broker.connect(contracts, env, line -> console.err().println("broker: " + line));
    PactsForVerification fetched =
        BrokerConnectionOptions.answer("broker", () -> client.pactsForVerification(request));
    console
        .err()
        .println(
            "broker: "
                + fetched.pacts().size()
                + " pact(s) for "
                + request.provider()
                + " ("
                + fetched.pacts().stream().filter(FetchedPact::pending).count()
                + " pending, "
                + fetched.pacts().stream().filter(FetchedPact::wip).count()
                + " work in progress)");
    Instant started = Instant.now();
    List<CheckResult> results = new ArrayList<>();
    Map<FetchedPact, List<CheckResult>> byPact = new LinkedHashMap<>();
    RunReport first = null;
    List<List<FetchedPact>> layers = BrokerRunFolder.layers(fetched.pacts());
    for (int i = 0; i < layers.size(); i++) {
      Path folder =
          BrokerRunFolder.write(
              contracts,
              reports.resolve("broker-pacts").resolve("run-" + (i + 1)),
              request.provider(),
              layers.get(i));
      RunReport run = Verification.run(options.withContracts(folder), listener);
      first = first == null ? run : first;
      for (CheckResult r : run.results()) {
        FetchedPact owner = owner(layers.get(i), r);
        if (owner != null) {
          byPact.computeIfAbsent(owner, k -> new ArrayList<>()).add(r);
          results.add(PendingResults.informational(owner, r));
        } else if (i == 0) {
          results.add(r);
        }
      }
    }
    results.addAll(selectorResults(request, fetched));
    for (FetchedPact pact : fetched.pacts()) {
      results.add(
          ResultPublishing.publish(
              client,
              pact,
              byPact.getOrDefault(pact, List.of()),
              publishes(broker, options, console)
                  ? new ProviderVerification(
                      false,
                      providerVersion,
                      request.providerVersionBranch(),
                      broker.buildUrl(env),
                      options.interlockVersion())
                  : null,
              console));
    }
    return new RunReport(
        first.interlockVersion(),
        first.seed(),
        first.command(),
        first.startedAt(),
        Duration.between(started, Instant.now()).plus(first.duration()),
        contractsOf(first),
        results,
        first.coverage());
  }

  /**
   * Whether this run may publish: a shard saw only its share of each pact's checks, and results
   * from parallel shards would contradict each other on the broker, so shards never publish.
   */
  private static boolean publishes(
      BrokerOptions broker, VerificationOptions options, Console console) {
    if (!broker.publishResults()) {
      return false;
    }
    if (options.shard().count() > 1) {
      console
          .err()
          .println(
              "broker: shard "
                  + options.shard()
                  + " runs part of each pact's checks: verification results are not published"
                  + " (publish from an unsharded run)");
      return false;
    }
    return true;
  }

  /** The fetched pact a result is about, among pacts with distinct consumer and provider. */
  private static FetchedPact owner(List<FetchedPact> layer, CheckResult r) {
    for (FetchedPact p : layer) {
      boolean byFacts =
          r.facts().consumer().equals(p.consumer()) && r.vendor().equals(p.provider());
      boolean bySubject = r.subject().startsWith(p.consumer() + " → " + p.provider() + ": ");
      if (byFacts || bySubject) {
        return p;
      }
    }
    return null;
  }

  private static List<ContractInfo> contractsOf(RunReport run) {
    return run.contracts();
  }

  /** One result per selector: matched something, or (a warning) nothing, named. */
  private static List<CheckResult> selectorResults(
      VerificationRequest request, PactsForVerification fetched) {
    List<CheckResult> out = new ArrayList<>();
    request
        .selectors()
        .forEach(
            s -> {
              boolean unmatched = fetched.unmatchedSelectors().contains(s.label());
              out.add(
                  new CheckResult(
                      SELECTOR_CHECK,
                      "selector " + s.label() + " for " + request.provider(),
                      request.provider(),
                      "",
                      unmatched ? Outcome.FAILED : Outcome.PASSED,
                      Severity.WARNING,
                      unmatched
                          ? "selector "
                              + s.label()
                              + " matched no pact for provider '"
                              + request.provider()
                              + "' (check the consumer's branch, tags or recorded deployments)"
                          : "selector " + s.label() + " matched pacts",
                      List.of(),
                      List.of(),
                      Duration.ZERO,
                      Map.of("selector", s.json().toString())));
            });
    return out;
  }
}
