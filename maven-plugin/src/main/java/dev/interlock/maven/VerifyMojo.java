package dev.interlock.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs every check on the contracts folder, as {@code interlock verify} does: one outcome for the
 * build, reports in {@code reports} (HTML, Markdown, JUnit XML, JSON, SARIF), Allure results where
 * {@code allure-maven} looks for them.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class VerifyMojo extends EngineMojo {

  /**
   * {@code error} or {@code warning}: the lowest severity of a failed check that fails the build.
   */
  @Parameter(property = "interlock.failOn", defaultValue = "error")
  String failOn;

  /** Run only these checks: ids or globs such as {@code contract.*} (default: every check). */
  @Parameter(property = "interlock.checks")
  List<String> checks = new ArrayList<>();

  /** Run the K-th of N stable shares of the checks ({@code K/N}), to spread a run over runners. */
  @Parameter(property = "interlock.shard", defaultValue = "1/1")
  String shard;

  /**
   * Compare every contract with this base for breaking changes: a folder, or a git ref (read with
   * {@code git archive}; the work tree is untouched).
   */
  @Parameter(property = "interlock.base")
  String base;

  /** Seed of every random choice; the same seed reproduces the same run (default: a fresh one). */
  @Parameter(property = "interlock.seed")
  Long seed;

  /** Where the reports go. */
  @Parameter(
      property = "interlock.reports",
      defaultValue = "${project.build.directory}/interlock-reports")
  File reports;

  /** Where the Allure results are copied, for {@code allure-maven}'s report. */
  @Parameter(
      property = "interlock.allureResults",
      defaultValue = "${project.build.directory}/allure-results")
  File allureResults;

  /**
   * Verify the pacts a Pact Broker or PactFlow gives for {@code provider} instead of the local
   * ones, and publish one result per pact: the broker's base URL, or {@code manifest} for the
   * contracts folder's {@code broker:} block (or {@code PACT_BROKER_BASE_URL}). Unset: no broker.
   */
  @Parameter(property = "interlock.broker")
  String broker;

  /** Bearer token of the broker, as a reference: {@code env:NAME} or {@code file:PATH}. */
  @Parameter(property = "interlock.brokerToken")
  String brokerToken;

  /** The provider whose pacts the broker gives (default: the manifest's {@code broker:} block). */
  @Parameter(property = "interlock.provider")
  String provider;

  /** The provider version results are published for, a git sha (default: the manifest's). */
  @Parameter(property = "interlock.providerVersion")
  String providerVersion;

  /** The provider's branch (default: the manifest's). */
  @Parameter(property = "interlock.branch")
  String branch;

  /**
   * Consumer version selectors: {@code mainBranch}, {@code deployedOrReleased}, {@code
   * matchingBranch}, {@code branch=X}, {@code tag=T,latest}, {@code environment=E} or JSON
   * (default: mainBranch and deployedOrReleased).
   */
  @Parameter(property = "interlock.selectors")
  List<String> selectors = new ArrayList<>();

  /** Also verify work-in-progress pacts published since this date (YYYY-MM-DD). */
  @Parameter(property = "interlock.includeWipSince")
  String includeWipSince;

  /** Publish the verification results to the broker (off for a local run). */
  @Parameter(property = "interlock.publishResults", defaultValue = "true")
  boolean publishResults = true;

  /** Skip this goal. */
  @Parameter(property = "interlock.verify.skip", defaultValue = "false")
  boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info(goal() + " skipped");
      return;
    }
    try {
      run(arguments());
    } finally {
      copyAllureResults();
    }
  }

  /** The command line, its values checked first. */
  List<String> arguments() throws MojoFailureException {
    List<String> args = new ArrayList<>();
    args.addAll(List.of("verify", "--contracts", contractsFolder().toString()));
    args.addAll(List.of("--reports", reports.getAbsolutePath()));
    args.addAll(List.of("--fail-on", Parameters.failOn(goal(), failOn)));
    args.addAll(List.of("--shard", Parameters.shard(goal(), shard)));
    for (String c : checks) {
      if (!c.isBlank()) {
        args.addAll(List.of("--check", c.trim()));
      }
    }
    if (base != null && !base.isBlank()) {
      args.addAll(List.of("--base", base.trim()));
    }
    if (seed != null) {
      args.addAll(List.of("--seed", seed.toString()));
    }
    if (broker != null && !broker.isBlank()) {
      args.addAll(brokerArguments());
    }
    return args;
  }

  /** The broker part of the command line, in the CLI's own flags (the CLI checks the values). */
  private List<String> brokerArguments() {
    List<String> args = new ArrayList<>(List.of("--broker"));
    if (!"manifest".equals(broker.trim())) {
      args.add(broker.trim());
    }
    addIfSet(args, "--broker-token", brokerToken);
    addIfSet(args, "--provider", provider);
    addIfSet(args, "--provider-version", providerVersion);
    addIfSet(args, "--branch", branch);
    for (String s : selectors) {
      addIfSet(args, "--selector", s);
    }
    addIfSet(args, "--include-wip-since", includeWipSince);
    if (!publishResults) {
      args.add("--no-publish-results");
    }
    return args;
  }

  private static void addIfSet(List<String> args, String flag, String value) {
    if (value != null && !value.isBlank()) {
      args.addAll(List.of(flag, value.trim()));
    }
  }

  /** The engine writes Allure results among its reports; allure-maven reads them elsewhere. */
  private void copyAllureResults() throws MojoExecutionException {
    Path from = reports.toPath().resolve("allure-results");
    if (!Files.isDirectory(from)) {
      return;
    }
    Path to = allureResults.toPath();
    try (Stream<Path> files = Files.list(from)) {
      Files.createDirectories(to);
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new MojoExecutionException(
          goal() + ": cannot copy the Allure results to " + to + ": " + e.getMessage(), e);
    }
  }

  @Override
  String goal() {
    return "interlock:verify";
  }

  @Override
  String failureSummary() {
    return "checks failed (listed above; reports in " + reports + ")";
  }
}
