package dev.interlock.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the engine goals make of their parameters, before any engine runs. */
class EngineGoalParametersTest {

  @TempDir Path basedir;

  private VerifyMojo verify() {
    VerifyMojo mojo = new VerifyMojo();
    mojo.project = MojoFixtures.project(basedir);
    mojo.failOn = "error";
    mojo.shard = "1/1";
    mojo.reports = basedir.resolve("target/interlock-reports").toFile();
    return mojo;
  }

  @Test
  void verifyPassesEveryParameterAsTheCliFlagOfTheSameMeaning() throws Exception {
    Path contracts = Files.createDirectories(basedir.resolve("src/main/contracts"));
    VerifyMojo mojo = verify();
    mojo.failOn = "WARNING";
    mojo.shard = "2/4";
    mojo.checks = List.of("contract.*", " version.* ");
    mojo.base = "origin/main";
    mojo.seed = 7L;

    assertThat(mojo.arguments())
        .containsExactly(
            "verify",
            "--contracts",
            contracts.toAbsolutePath().toString(),
            "--reports",
            basedir.resolve("target/interlock-reports").toAbsolutePath().toString(),
            "--fail-on",
            "warning",
            "--shard",
            "2/4",
            "--check",
            "contract.*",
            "--check",
            "version.*",
            "--base",
            "origin/main",
            "--seed",
            "7");
  }

  @Test
  void verifyPassesTheBrokerParametersAsTheCliBrokerFlags() throws Exception {
    Files.createDirectories(basedir.resolve("src/main/contracts"));
    VerifyMojo mojo = verify();
    mojo.broker = "https://broker.example";
    mojo.brokerToken = "env:PACT_BROKER_TOKEN";
    mojo.provider = "payments";
    mojo.providerVersion = "abc123";
    mojo.branch = "main";
    mojo.selectors = List.of("mainBranch", "tag=prod,latest");
    mojo.includeWipSince = "2026-01-01";
    mojo.publishResults = false;

    List<String> args = mojo.arguments();

    assertThat(args.subList(args.indexOf("--broker"), args.size()))
        .containsExactly(
            "--broker",
            "https://broker.example",
            "--broker-token",
            "env:PACT_BROKER_TOKEN",
            "--provider",
            "payments",
            "--provider-version",
            "abc123",
            "--branch",
            "main",
            "--selector",
            "mainBranch",
            "--selector",
            "tag=prod,latest",
            "--include-wip-since",
            "2026-01-01",
            "--no-publish-results");
  }

  @Test
  void verifyWithTheManifestsBrokerPassesTheFlagAloneAndWithoutABrokerNone() throws Exception {
    Files.createDirectories(basedir.resolve("src/main/contracts"));
    VerifyMojo mojo = verify();
    assertThat(mojo.arguments()).doesNotContain("--broker");

    mojo.broker = "manifest";
    List<String> args = mojo.arguments();

    assertThat(args.subList(args.indexOf("--broker"), args.size())).containsExactly("--broker");
  }

  @Test
  void theContractsFolderDefaultsToSrcMainThenSrcTest() throws Exception {
    Path test = Files.createDirectories(basedir.resolve("src/test/contracts"));
    assertThat(verify().contractsFolder()).isEqualTo(test.toAbsolutePath());

    Path main = Files.createDirectories(basedir.resolve("src/main/contracts"));
    assertThat(verify().contractsFolder()).isEqualTo(main.toAbsolutePath());
  }

  @Test
  void noContractsFolderFailsSayingWhereItLooked() {
    assertThatThrownBy(() -> verify().contractsFolder())
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("interlock:verify")
        .hasMessageContaining("neither src/main/contracts nor src/test/contracts")
        .hasMessageContaining("parameter 'contracts'");
  }

  @Test
  void badValuesFailNamingTheParameterAndWhatItTakes() throws IOException {
    Files.createDirectories(basedir.resolve("src/main/contracts"));
    VerifyMojo shard = verify();
    shard.shard = "5/4";
    VerifyMojo failOn = verify();
    failOn.failOn = "fatal";

    assertThatThrownBy(shard::arguments)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("parameter 'shard' is '5/4'")
        .hasMessageContaining("K/N");
    assertThatThrownBy(failOn::arguments)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("parameter 'failOn' is 'fatal'")
        .hasMessageContaining("error or warning");
  }

  @Test
  void sandboxStartPassesContractsScenarioSeedAndStrictErrors() throws Exception {
    Path contracts = Files.createDirectories(basedir.resolve("src/test/contracts"));
    SandboxStartMojo mojo = new SandboxStartMojo();
    mojo.project = MojoFixtures.project(basedir);
    mojo.scenario = "flaky";
    mojo.seed = 7;
    mojo.strictErrors = true;

    assertThat(mojo.arguments())
        .containsExactly(
            "--contracts",
            contracts.toAbsolutePath().toString(),
            "--scenario",
            "flaky",
            "--seed",
            "7",
            "--strict-errors");
  }

  @Test
  void skippedGoalsNeedNoContractsAndNoEngine() throws Exception {
    // no contracts folder and no resolver: a skipped goal must touch neither
    VerifyMojo verify = verify();
    verify.skip = true;
    verify.execute();
    SandboxStartMojo start = new SandboxStartMojo();
    start.project = MojoFixtures.project(basedir);
    start.skipITs = true;
    start.execute();
    LintMojo lint = new LintMojo();
    lint.skip = true;
    lint.execute();
    DiffMojo diff = new DiffMojo();
    diff.skip = true;
    diff.execute();
    assertThat(basedir.resolve("target")).doesNotExist();
  }

  @Test
  void diffWithoutABaseFailsNamingTheParameter() {
    DiffMojo diff = new DiffMojo();
    diff.project = MojoFixtures.project(basedir);
    assertThatThrownBy(diff::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("parameter 'base' is required");
  }
}
