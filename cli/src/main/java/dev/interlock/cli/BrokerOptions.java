package dev.interlock.cli;

import dev.interlock.broker.ConsumerVersionSelector;
import dev.interlock.broker.VerificationRequest;
import dev.interlock.core.manifest.Manifest;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code interlock verify --broker …}: which provider's pacts to fetch, with which selectors, and
 * what to publish the results as. Provider, version and branch default to the manifest's {@code
 * broker:} block, where {@code env:NAME} takes a value from the environment ({@code
 * env:GITHUB_SHA}).
 */
public final class BrokerOptions extends BrokerConnectionOptions {

  @Option(
      names = "--provider",
      paramLabel = "NAME",
      description = "The provider whose pacts the broker gives.")
  String provider;

  @Option(
      names = "--provider-version",
      paramLabel = "V",
      description = "The provider version verification results are published for (a git sha).")
  String providerVersion;

  @Option(names = "--branch", paramLabel = "B", description = "The provider's branch.")
  String branch;

  @Option(
      names = "--selector",
      paramLabel = "SELECTOR",
      description =
          "Consumer version selector: mainBranch, deployedOrReleased, matchingBranch, deployed, released,"
              + " branch=X, tag=T[,latest], environment=E or JSON; repeatable (default: mainBranch"
              + " and deployedOrReleased).")
  List<String> selectors = new ArrayList<>();

  @Option(
      names = "--include-wip-since",
      paramLabel = "DATE",
      description = "Also verify work-in-progress pacts published since DATE (YYYY-MM-DD).")
  String includeWipSince;

  @Option(
      names = "--build-url",
      paramLabel = "URL",
      description = "The CI build, published with the results (default: the GitHub Actions run).")
  String buildUrl;

  @Option(
      names = "--no-publish-results",
      description = "Verify the broker's pacts without publishing the results (a local run).")
  boolean noPublish;

  /** The fetch request, from flags, then the manifest; a missing value is a usage error. */
  VerificationRequest request(Path contracts, Map<String, String> env) {
    Optional<Manifest.Broker> manifest = manifestBroker(contracts);
    String name =
        firstOf(provider, manifest.flatMap(Manifest.Broker::provider).orElse(null))
            .orElseThrow(() -> new UsageException("verify --broker needs --provider NAME"));
    List<ConsumerVersionSelector> parsed = new ArrayList<>();
    for (String s : selectors.isEmpty() ? List.of("mainBranch", "deployedOrReleased") : selectors) {
      try {
        parsed.add(ConsumerVersionSelector.parse(s));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--selector: " + e.getMessage());
      }
    }
    if (includeWipSince != null) {
      try {
        LocalDate.parse(includeWipSince);
      } catch (DateTimeParseException e) {
        throw new UsageException(
            "--include-wip-since: '" + includeWipSince + "' is not a date (YYYY-MM-DD)");
      }
    }
    return new VerificationRequest(
        name, parsed, providerBranch(manifest, env), Optional.ofNullable(includeWipSince));
  }

  String providerVersion(Path contracts, Map<String, String> env) {
    Optional<Manifest.Broker> manifest = manifestBroker(contracts);
    return valueOrEnv(
            firstOf(
                providerVersion, manifest.flatMap(Manifest.Broker::providerVersion).orElse(null)),
            env)
        .orElseThrow(() -> new UsageException("verify --broker needs --provider-version V"));
  }

  private String providerBranch(Optional<Manifest.Broker> manifest, Map<String, String> env) {
    return valueOrEnv(firstOf(branch, manifest.flatMap(Manifest.Broker::branch).orElse(null)), env)
        .orElseThrow(() -> new UsageException("verify --broker needs --branch B"));
  }

  Optional<String> buildUrl(Map<String, String> env) {
    if (buildUrl != null) {
      return Optional.of(buildUrl);
    }
    String server = env.get("GITHUB_SERVER_URL");
    String repo = env.get("GITHUB_REPOSITORY");
    String run = env.get("GITHUB_RUN_ID");
    return server != null && repo != null && run != null
        ? Optional.of(server + "/" + repo + "/actions/runs/" + run)
        : Optional.empty();
  }

  boolean publishResults() {
    return !noPublish;
  }

  /** The flags that reproduce the broker part of a run (references only, never values). */
  List<String> reproduce() {
    List<String> out = new ArrayList<>(List.of("--broker"));
    if (brokerUrl != null && !brokerUrl.isBlank()) {
      out.add(brokerUrl);
    }
    add(out, "--provider", provider);
    add(out, "--provider-version", providerVersion);
    add(out, "--branch", branch);
    selectors.forEach(s -> add(out, "--selector", s));
    add(out, "--include-wip-since", includeWipSince);
    return out;
  }

  private static void add(List<String> out, String flag, String value) {
    if (value != null) {
      out.add(flag);
      out.add(value);
    }
  }

  /** A manifest value written {@code env:NAME} is taken from the environment. */
  private static Optional<String> valueOrEnv(Optional<String> value, Map<String, String> env) {
    if (value.isPresent() && value.get().startsWith("env:")) {
      String name = value.get().substring(4);
      String v = env.get(name);
      if (v == null || v.isBlank()) {
        throw new UsageException(value.get() + " is not set in the environment");
      }
      return Optional.of(v.strip());
    }
    return value;
  }
}
