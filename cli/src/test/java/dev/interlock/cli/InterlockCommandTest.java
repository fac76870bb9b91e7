package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interlock.core.Fixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's exit codes and messages, run in-process. */
class InterlockCommandTest {

  record Finished(int exit, String out, String err) {}

  private static Finished run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = InterlockCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Finished(exit, out.toString(), err.toString());
  }

  @Test
  void lintOfTheBundledContractsExitsZero() {
    Finished r = run("lint", Fixtures.bundledContracts().toString());

    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).contains("12 contracts checked: 0 errors, 0 warnings");
  }

  @Test
  void lintErrorsExitOneWithCompilerStyleLines() {
    Path bad = Fixtures.resource("lint/bad-lint.yaml");

    Finished r = run("lint", bad.toString());

    assertThat(r.exit()).isEqualTo(ExitCode.FAILED);
    assertThat(r.out())
        .containsPattern("bad-lint.yaml:24:\\d+: error: example does not match its schema");
  }

  @Test
  void warningsFailOnlyWhenAskedTo() {
    Path fixture = Fixtures.resource("openapi/2.0/petstore.yaml");

    assertThat(run("lint", fixture.toString()).exit()).isEqualTo(ExitCode.OK);
    assertThat(run("lint", "--fail-on", "info", fixture.toString()).exit())
        .isEqualTo(ExitCode.FAILED);
  }

  @Test
  void anUnusableContractExitsTwoAndSaysWhereWithoutAStackTrace() {
    Path broken = Fixtures.resource("invalid/invalid-yaml.yaml");

    Finished r = run("lint", broken.toString());

    assertThat(r.exit()).isEqualTo(ExitCode.UNUSABLE_INPUT);
    assertThat(r.out()).contains("invalid-yaml.yaml:9:27: error: invalid YAML");
    assertThat(r.out() + r.err()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void aMissingPathExitsTwo() {
    Finished r = run("lint", "no/such/folder");

    assertThat(r.exit()).isEqualTo(ExitCode.UNUSABLE_INPUT);
    assertThat(r.err()).contains("no/such/folder: no such file or folder");
  }

  @Test
  void anUnknownFlagExitsTwoWithAHint() {
    Finished r = run("lint", "--frobnicate");

    assertThat(r.exit()).isEqualTo(ExitCode.UNUSABLE_INPUT);
    assertThat(r.err())
        .contains("Unknown option: '--frobnicate'")
        .contains("interlock lint --help");
  }

  @Test
  void jsonFormatListsEveryDiagnosticWithItsLocation() throws Exception {
    Finished r =
        run("lint", "--format", "json", Fixtures.resource("lint/bad-lint.yaml").toString());

    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("contracts").asInt()).isEqualTo(1);
    assertThat(json.get("diagnostics"))
        .isNotEmpty()
        .allSatisfy(
            d -> {
              assertThat(d.get("line").asInt()).isPositive();
              assertThat(d.get("code").asText()).matches("(lint|contract)\\..+");
            });
  }

  @Test
  void versionIsPrinted() {
    Finished r = run("--version");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("interlock ");
  }

  @Test
  void verifyOnTheBundledContractsPassesAndPrintsTheSummaryAndSeed(@TempDir Path dir) {
    Finished r =
        run(
            "verify",
            "--contracts",
            Fixtures.bundledContracts().toString(),
            "--seed",
            "11",
            "--reports",
            dir.toString());

    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCode.OK);
    assertThat(r.out())
        .containsPattern("contract\\.lint\\s+12\\s+0\\s+0")
        .contains("seed 11")
        .contains("--seed 11");
    assertThat(dir.resolve("interlock-report.html")).exists();
  }

  @Test
  void verifyFailsWithExitOneNamingTheCheckAndTheFinding(@TempDir Path dir) throws Exception {
    Path contracts = CliFixtures.copyContracts(dir.resolve("contracts"));
    Path payments = contracts.resolve("openapi/payments/2025-01-15.yaml");
    Files.writeString(
        payments, Files.readString(payments).replaceFirst("last4: '4242'", "last4: 4242"));

    Finished r =
        run(
            "verify",
            "--contracts",
            contracts.toString(),
            "--check",
            "contract.*",
            "--seed",
            "3",
            "--reports",
            dir.resolve("reports").toString());

    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCode.FAILED);
    assertThat(r.out())
        .contains("ERROR contract.lint · openapi/payments/2025-01-15.yaml")
        .contains("[lint.example.invalid]")
        .contains("seed 3");
    assertThat(dir.resolve("reports/interlock-report.json")).exists();
    assertThat(dir.resolve("reports/interlock.sarif")).exists();
  }

  @Test
  void verifyRefusesABadShardWithExitTwo() {
    Finished r =
        run("verify", "--contracts", Fixtures.bundledContracts().toString(), "--shard", "5/2");

    assertThat(r.exit()).isEqualTo(ExitCode.UNUSABLE_INPUT);
    assertThat(r.err()).contains("--shard");
  }

  @Test
  void verifyAndReportRefuseADocsUrlThatIsNotAnAbsoluteHttpUrlWithExitTwo(@TempDir Path dir) {
    Finished verify =
        run(
            "verify",
            "--contracts",
            Fixtures.bundledContracts().toString(),
            "--reports",
            dir.toString(),
            "--docs-url",
            "docs/README.md");
    Finished report = run("report", "--docs-url", "ftp://example.com/README.md");

    assertThat(verify.exit()).as(verify.out() + verify.err()).isEqualTo(ExitCode.UNUSABLE_INPUT);
    assertThat(verify.err())
        .contains("--docs-url: 'docs/README.md' is not an absolute http(s) URL")
        .doesNotContain("\tat ");
    assertThat(dir).isEmptyDirectory();
    assertThat(report.exit()).isEqualTo(ExitCode.UNUSABLE_INPUT);
    assertThat(report.err())
        .contains("--docs-url: 'ftp://example.com/README.md' is not an absolute http(s) URL");
  }

  @Test
  void reportLinksSarifToTheDocsUrlOnlyWhenGivenOne(@TempDir Path dir) throws Exception {
    Finished verify =
        run(
            "verify",
            "--contracts",
            Fixtures.bundledContracts().toString(),
            "--check",
            "contract.lint",
            "--seed",
            "5",
            "--reports",
            dir.toString());
    assertThat(verify.exit()).as(verify.out() + verify.err()).isEqualTo(ExitCode.OK);
    ObjectMapper json = new ObjectMapper();
    assertThat(json.readTree(dir.resolve("interlock.sarif").toFile()).toString())
        .doesNotContain("informationUri", "helpUri");

    Path from = dir.resolve("interlock-report.json");
    Finished report =
        run(
            "report",
            "--from",
            from.toString(),
            "--format",
            "sarif",
            "--docs-url",
            "https://wiki.example.com/interlock");

    assertThat(report.exit()).as(report.out() + report.err()).isEqualTo(ExitCode.OK);
    assertThat(
            json.readTree(dir.resolve("interlock.sarif").toFile())
                .at("/runs/0/tool/driver/informationUri")
                .asText())
        .isEqualTo("https://wiki.example.com/interlock");
  }

  @Test
  void compatNamesTheMismatchAndBothLocationsWhenAPactOutrunsTheContract() {
    Path contracts = Fixtures.bundledContracts();

    Finished old =
        run(
            "compat",
            contracts.resolve("openapi/fulfilment/v1.yaml").toString(),
            contracts.resolve("pacts/order-sync-fulfilment.json").toString());
    Finished current =
        run(
            "compat",
            contracts.resolve("openapi/fulfilment/v2.yaml").toString(),
            contracts.resolve("pacts/order-sync-fulfilment.json").toString());

    assertThat(old.exit()).isEqualTo(ExitCode.FAILED);
    assertThat(old.out())
        .contains("[pact.request.path.unknown]")
        .contains("order-sync-fulfilment.json:")
        .contains("spec: ")
        .contains("v1.yaml:");
    assertThat(current.exit()).as(current.out()).isEqualTo(ExitCode.OK);
  }

  @Test
  void compatRefusesAPactAsTheSpecWithExitTwo() {
    Path pact = Fixtures.bundledContracts().resolve("pacts/order-sync-fulfilment.json");

    Finished r = run("compat", pact.toString(), pact.toString());

    assertThat(r.exit()).isEqualTo(ExitCode.UNUSABLE_INPUT);
    assertThat(r.err()).contains("SPEC must be an OpenAPI or AsyncAPI contract");
  }

  @Test
  void diffExitsOneOnABreakingChangeAndZeroOnIdenticalContracts() {
    Path fulfilment = Fixtures.bundledContracts().resolve("openapi/fulfilment");

    Finished breaking =
        run(
            "diff",
            fulfilment.resolve("v1.yaml").toString(),
            fulfilment.resolve("v2.yaml").toString());
    Finished same =
        run(
            "diff",
            fulfilment.resolve("v2.yaml").toString(),
            fulfilment.resolve("v2.yaml").toString());

    assertThat(breaking.exit()).isEqualTo(ExitCode.FAILED);
    assertThat(breaking.out())
        .contains("[openapi.request.body.property.required-added]")
        .contains("was at ");
    assertThat(same.exit()).isEqualTo(ExitCode.OK);
    assertThat(same.out()).contains("no changes");
  }

  @Test
  void structuralDefectsFailLintButDiffReadsPastThem() {
    Path defects = Fixtures.resource("openapi/3.0/structural-defects.yaml");

    Finished lint = run("lint", defects.toString());
    Finished diff = run("diff", defects.toString(), defects.toString());

    assertThat(lint.exit()).as(lint.out()).isEqualTo(ExitCode.FAILED);
    assertThat(lint.out())
        .containsPattern(
            "structural-defects.yaml:18:5: error: OpenAPI structure: .*scheme is missing"
                + " \\[contract.openapi.structure]");
    assertThat(diff.exit()).as(diff.out()).isEqualTo(ExitCode.OK);
  }

  @Test
  void refsMayReachSiblingFoldersUnderTheRootButNeverLeaveIt(@TempDir Path dir) throws IOException {
    Path api = dir.resolve("apps/orders/api.yaml");
    Files.createDirectories(api.getParent());
    Files.createDirectories(dir.resolve("apps/common"));
    Files.writeString(dir.resolve("apps/common/schemas.yaml"), "Order: {type: object}\n");
    Files.writeString(
        api,
        """
        openapi: 3.0.3
        info: {title: Orders, version: '1'}
        paths:
          /orders:
            get:
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '../common/schemas.yaml#/Order'}
        """);

    Finished underRoot = run("lint", "--root", dir.resolve("apps").toString(), api.toString());
    Finished aboveRoot =
        run("lint", "--root", dir.resolve("apps/orders").toString(), api.toString());
    Finished outsideRoot =
        run("lint", "--root", dir.resolve("apps/common").toString(), api.toString());

    assertThat(underRoot.exit()).as(underRoot.out()).isEqualTo(ExitCode.OK);
    assertThat(aboveRoot.exit()).isEqualTo(ExitCode.UNUSABLE_INPUT);
    assertThat(aboveRoot.out()).contains("[contract.ref.outside-root]");
    assertThat(outsideRoot.exit()).isEqualTo(ExitCode.UNUSABLE_INPUT);
    assertThat(outsideRoot.err()).contains("is not under --root");
  }

  @Test
  void aMultiFileAsyncApiDocumentLintedFromItsFolderReachesItsSiblingFolder() {
    Path multi = Fixtures.resource("asyncapi/multi-file");

    Finished r = run("lint", "--root", multi.toString(), multi.resolve("orders").toString());

    assertThat(r.exit()).as(r.out()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).contains("1 contract checked: 0 errors");
  }

  @Test
  void diffOfAMissingFileExitsTwo() {
    Finished r = run("diff", "nope.yaml", "nope2.yaml");

    assertThat(r.exit()).isEqualTo(ExitCode.UNUSABLE_INPUT);
  }

  /** A proposed fulfilment v2 that renames the shipments path: order-sync's pact depends on it. */
  private static void renameShipmentsPath(Path contracts) throws IOException {
    Path v2 = contracts.resolve("openapi/fulfilment/v2.yaml");
    String spec = Files.readString(v2);
    String changed = spec.replaceFirst("(?m)^  /v2/shipments:$", "  /v2/consignments:");
    assertThat(changed).isNotEqualTo(spec);
    Files.writeString(v2, changed);
  }

  @Test
  void verifyAgainstABaseFolderNamesTheConsumerABreakingChangeBreaks(@TempDir Path dir)
      throws Exception {
    Path base = CliFixtures.copyContracts(dir.resolve("base"));
    Path proposed = CliFixtures.copyContracts(dir.resolve("contracts"));
    renameShipmentsPath(proposed);

    Finished r =
        run(
            "verify",
            "--contracts",
            proposed.toString(),
            "--base",
            base.toString(),
            "--check",
            "version.*",
            "--reports",
            dir.resolve("reports").toString());

    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCode.FAILED);
    assertThat(r.out())
        .contains("version.no-breaking-change")
        .contains("order-sync breaks: 'a request to create the shipment for order 1042'")
        .contains("[openapi.operation.removed]");
  }

  @Test
  void verifyAgainstAGitRefReadsTheBaseWithGitAndLeavesTheWorkTreeAlone(@TempDir Path dir)
      throws Exception {
    Path repo = dir.resolve("repo");
    Path contracts = CliFixtures.copyContracts(repo.resolve("contracts"));
    git(repo, "init", "-q");
    git(repo, "add", ".");
    git(
        repo,
        "-c",
        "user.email=ci@interlock.invalid",
        "-c",
        "user.name=ci",
        "commit",
        "-q",
        "-m",
        "contracts");
    renameShipmentsPath(contracts);
    String before = Files.readString(contracts.resolve("openapi/fulfilment/v2.yaml"));

    Finished r =
        run(
            "verify",
            "--contracts",
            contracts.toString(),
            "--base",
            "HEAD",
            "--check",
            "version.consumers-unaffected",
            "--reports",
            dir.resolve("reports").toString());

    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCode.FAILED);
    assertThat(r.out()).contains("order-sync breaks:");
    assertThat(Files.readString(contracts.resolve("openapi/fulfilment/v2.yaml"))).isEqualTo(before);
  }

  private static void git(Path dir, String... args) throws Exception {
    java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("git"));
    command.addAll(java.util.List.of(args));
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(out).isZero();
  }

  @Test
  void sandboxOfAnUnusableSpecExitsTwoWithTheDiagnostic() {
    Finished r =
        run("sandbox", "--spec", Fixtures.resource("invalid/invalid-yaml.yaml").toString());

    assertThat(r.exit()).isEqualTo(ExitCode.UNUSABLE_INPUT);
    assertThat(r.out()).contains("invalid-yaml.yaml:9:27: error: invalid YAML");
  }

  @Test
  void sandboxWithANegativeConcurrencyLimitExitsTwoSayingWhy() {
    Finished r =
        run(
            "sandbox",
            "--spec",
            Fixtures.bundledContracts().resolve("openapi/payments/2025-01-15.yaml").toString(),
            "--max-concurrent",
            "-1");

    assertThat(r.exit()).isEqualTo(ExitCode.UNUSABLE_INPUT);
    assertThat(r.err()).contains("maxConcurrentRequests must not be negative");
  }

  @Test
  void sandboxOfASpecWithSmallDefectsServesItAndWarnsWhereTheDefectsAre() {
    SandboxCommand command = new SandboxCommand();
    new picocli.CommandLine(command)
        .parseArgs("--spec", Fixtures.resource("openapi/3.0/structural-defects.yaml").toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<dev.interlock.mocks.Sandbox> sandboxes =
        command.start(new Console(new PrintWriter(out), new PrintWriter(err), false));
    try {
      assertThat(sandboxes).hasSize(1);
      assertThat(out.toString()).contains(sandboxes.get(0).baseUrl());
      assertThat(err.toString()).contains("structural-defects.yaml:").contains("warning");
    } finally {
      sandboxes.forEach(dev.interlock.mocks.Sandbox::close);
    }
  }

  @Test
  void sandboxPassesItsConcurrencyLimitToEverySandbox() {
    SandboxCommand command = new SandboxCommand();
    picocli.CommandLine cli = new picocli.CommandLine(command);
    cli.parseArgs(
        "--spec",
        Fixtures.bundledContracts().resolve("openapi/payments/2025-01-15.yaml").toString(),
        "--max-concurrent",
        "3");
    List<dev.interlock.mocks.Sandbox> sandboxes =
        command.start(
            new Console(
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false));
    try {
      assertThat(sandboxes)
          .isNotEmpty()
          .allSatisfy(s -> assertThat(s.options().maxConcurrentRequests()).isEqualTo(3));
    } finally {
      sandboxes.forEach(dev.interlock.mocks.Sandbox::close);
    }
  }

  @Test
  void sandboxWithPactServesThePactsInteractionsOnAStubBesideTheSandboxes() throws Exception {
    SandboxCommand command = new SandboxCommand();
    new picocli.CommandLine(command)
        .parseArgs(
            "--spec",
            Fixtures.bundledContracts().resolve("openapi/payments/2025-01-15.yaml").toString(),
            "--pact",
            Fixtures.bundledContracts().resolve("pacts/order-sync-payments.json").toString());
    StringWriter out = new StringWriter();
    Console console = new Console(new PrintWriter(out), new PrintWriter(new StringWriter()), false);
    List<dev.interlock.mocks.Sandbox> sandboxes = command.start(console);
    try (dev.interlock.mocks.PactStub stub = command.startPactStub(console).orElseThrow()) {
      java.net.http.HttpResponse<String> answer =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          stub.baseUri().resolve("/v1/charges/ch_4RsT8uV2wX0yZ3aC"))
                      .header("Authorization", "Bearer sk_test_x")
                      .header("Payments-Version", "2025-01-15")
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());

      assertThat(stub.interactionCount()).isEqualTo(3);
      assertThat(out.toString()).contains(stub.baseUri().toString()).contains("3 interactions");
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      assertThat(answer.body()).contains("ch_4RsT8uV2wX0yZ3aC");
      assertThat(sandboxes)
          .isNotEmpty()
          .allSatisfy(s -> assertThat(s.port()).isNotEqualTo(stub.baseUri().getPort()));
    } finally {
      sandboxes.forEach(dev.interlock.mocks.Sandbox::close);
    }
  }

  @Test
  void verifyOfABrokenAdapterPolicyExitsOneNamingTheCheckTheOperationAndTheEvidence(
      @TempDir Path dir) throws Exception {
    Path contracts = CliFixtures.copyContracts(dir.resolve("contracts"));
    Path manifest = contracts.resolve("interlock.yaml");
    String text = Files.readString(manifest);
    Files.writeString(
        manifest,
        text.replaceFirst(
            "(?m)^(      timeout: 5s)$", "$1\n      retry: { honourRetryAfter: false }"));

    Finished r =
        run(
            "verify",
            "--contracts",
            contracts.toString(),
            "--check",
            "adapter.*",
            "--seed",
            "7",
            "--reports",
            dir.resolve("reports").toString());

    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCode.FAILED);
    assertThat(r.out())
        .contains("ERROR adapter.honours-retry-after · order-sync → payments 2025-01-15")
        .contains("listCharges was retried")
        .contains("[adapter.policy]");
    assertThat(Files.readString(dir.resolve("reports/interlock-report.json")))
        .contains("\"timeline\"");
  }

  @Test
  void runOrderSyncAgainstRunningSandboxesRefusesAScenarioOfItsOwn(@TempDir Path state) {
    Finished r =
        run(
            "run",
            "order-sync",
            "--contracts",
            Fixtures.bundledContracts().toString(),
            "--state",
            state.toString(),
            "--scenario",
            "flaky",
            "--sandbox",
            "payments=http://127.0.0.1:9");

    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCode.UNUSABLE_INPUT);
    assertThat(r.err()).contains("--scenario does not apply to running sandboxes (--sandbox)");
  }

  @Test
  void runOrderSyncAgainstRunningSandboxesNamesTheVendorsLeftWithout(@TempDir Path state) {
    Finished r =
        run(
            "run",
            "order-sync",
            "--contracts",
            Fixtures.bundledContracts().toString(),
            "--state",
            state.toString(),
            "--sandbox",
            "payments=http://127.0.0.1:9");

    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCode.UNUSABLE_INPUT);
    assertThat(r.err())
        .contains(
            "give a running sandbox for each vendor the run calls (payments, accounting,"
                + " fulfilment), and for no other; missing: accounting, fulfilment");
  }
}
