package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.Diagnostic;
import dev.interlock.core.Fixtures;
import dev.interlock.core.document.DocumentReader;
import dev.interlock.core.document.ReadResult;
import dev.interlock.core.manifest.Manifest;
import dev.interlock.core.manifest.ManifestReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code interlock init}, in-process: what it infers, what it writes, and what it refuses. */
class InitCommandTest {

  record Finished(int exit, String out, String err) {}

  @TempDir Path dir;

  static Finished run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = InterlockCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Finished(exit, out.toString(), err.toString());
  }

  /**
   * The manifest as core's reader sees it: empty, with the reasons in {@code problems}, when it
   * breaks the schema.
   */
  static Optional<Manifest> readManifest(Path file, List<Diagnostic> problems) {
    ReadResult read = new DocumentReader().read(file);
    problems.addAll(read.diagnostics());
    return read.document().flatMap(doc -> new ManifestReader().read(doc, problems));
  }

  @Test
  void theCorpusStripeSpecBecomesVendorStripeVersion20230816WithBearerAuth() throws IOException {
    Path spec = Fixtures.corpus("openapi/stripe/stripe_spec3_2023-09-12_api-2023-08-16.yaml");
    Path copy = Files.copy(spec, dir.resolve(spec.getFileName()));

    Finished r = run("init", "--dir", dir.toString());

    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCode.OK);
    assertThat(r.out())
        .contains("vendor 'stripe' from info.title 'Stripe API'")
        .contains("version '2023-08-16' from info.version '2023-08-16'")
        .contains("auth 'bearer' from securitySchemes.bearerAuth (http bearer); skipped basicAuth")
        .contains("interlock lint " + dir.resolve("contracts"))
        .contains("interlock sandbox --contracts " + dir.resolve("contracts"))
        .contains("interlock verify --contracts " + dir.resolve("contracts"));
    assertThat(dir.resolve("contracts/openapi/stripe/2023-08-16.yaml"))
        .hasSameBinaryContentAs(spec);
    assertThat(copy).as("copied, never moved").exists();
    List<Diagnostic> problems = new ArrayList<>();
    Manifest manifest =
        readManifest(dir.resolve("contracts/interlock.yaml"), problems).orElseThrow();
    assertThat(problems).isEmpty();
    Manifest.Vendor stripe = manifest.vendors().get("stripe");
    assertThat(stripe.versions()).containsOnlyKeys("2023-08-16");
    assertThat(stripe.auth().type()).isEqualTo("bearer");
    assertThat(stripe.auth().settings()).containsEntry("credential", "env:STRIPE_API_KEY");
  }

  @Test
  void withoutADistinctiveTitleTheVendorComesFromTheHostAndTheVersionFromTheFileName()
      throws IOException {
    Files.writeString(
        dir.resolve("orders-v3.yaml"),
        """
        swagger: "2.0"
        info: {title: REST API, version: ""}
        host: api.acme-shipping.com
        basePath: /
        securityDefinitions:
          key: {type: apiKey, in: header, name: X-Acme-Key}
        security: [{key: []}]
        paths:
          /orders:
            get:
              operationId: listOrders
              responses: {'200': {description: the orders}}
        """);

    Finished r = run("init", "--dir", dir.toString());

    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCode.OK);
    assertThat(r.out())
        .contains("vendor 'acme-shipping' from server host 'api.acme-shipping.com'")
        .contains("version 'v3' from file name 'orders-v3.yaml'")
        .contains("auth 'api-key' from securitySchemes.key (apiKey in header)");
    assertThat(dir.resolve("contracts/openapi/acme-shipping/v3.yaml")).exists();
    List<Diagnostic> problems = new ArrayList<>();
    Manifest manifest =
        readManifest(dir.resolve("contracts/interlock.yaml"), problems).orElseThrow();
    assertThat(manifest.vendors().get("acme-shipping").auth().settings())
        .containsEntry("header", "X-Acme-Key")
        .containsEntry("credential", "env:ACME_SHIPPING_API_KEY");
  }

  @Test
  void httpBasicBecomesAUserNameAndPasswordReferenceTheManifestAccepts() throws IOException {
    Files.writeString(
        dir.resolve("ledger-v1.yaml"),
        """
        openapi: 3.0.3
        info: {title: Northwind Ledger, version: v1}
        components:
          securitySchemes:
            login: {type: http, scheme: basic}
        security: [{login: []}]
        paths:
          /entries:
            get:
              operationId: listEntries
              responses: {'200': {description: the entries}}
        """);

    Finished r = run("init", "--dir", dir.toString());

    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).contains("auth 'basic' from securitySchemes.login (http basic)");
    List<Diagnostic> problems = new ArrayList<>();
    Manifest manifest =
        readManifest(dir.resolve("contracts/interlock.yaml"), problems).orElseThrow();
    assertThat(problems).isEmpty();
    Manifest.Auth auth = manifest.vendors().values().iterator().next().auth();
    assertThat(auth.type()).isEqualTo("basic");
    assertThat(auth.settings())
        .containsEntry("username", "env:NORTHWIND_LEDGER_USERNAME")
        .containsEntry("password", "env:NORTHWIND_LEDGER_PASSWORD");
  }

  @Test
  void aPactJoinsTheVendorItsProviderNamesUnderAnAdapterNamedAfterItsConsumer() throws IOException {
    Files.writeString(
        dir.resolve("payments.yaml"),
        """
        openapi: 3.0.3
        info: {title: Payments Provider API, version: 2024-06-01}
        paths:
          /v1/charges:
            get:
              operationId: listCharges
              responses: {'200': {description: the charges}}
        """);
    Files.writeString(
        dir.resolve("pact.json"),
        """
        {"consumer": {"name": "checkout"}, "provider": {"name": "payments"},
         "interactions": [{"description": "a list of charges",
           "request": {"method": "GET", "path": "/v1/charges"}, "response": {"status": 200}}],
         "metadata": {"pactSpecification": {"version": "3.0.0"}}}
        """);

    Finished r = run("init", "--dir", dir.toString());

    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCode.OK);
    assertThat(r.out())
        .contains("vendor 'payments-provider' from info.title 'Payments Provider API'")
        .contains("vendor 'payments-provider' renamed 'payments'")
        .contains("pact of consumer 'checkout' attached to vendor 'payments' 2024-06-01");
    List<Diagnostic> problems = new ArrayList<>();
    Manifest manifest =
        readManifest(dir.resolve("contracts/interlock.yaml"), problems).orElseThrow();
    assertThat(problems).isEmpty();
    assertThat(manifest.vendors()).containsOnlyKeys("payments");
    assertThat(manifest.adapters().get("checkout").uses()).containsEntry("payments", "2024-06-01");
    assertThat(manifest.adapters().get("checkout").pacts())
        .containsExactly(
            dir.resolve("contracts/pacts/checkout-payments.json").toAbsolutePath().normalize());
  }

  @Test
  void aFileThatCannotBeUnderstoodIsExitTwoWithItsLocationAndNothingIsWritten() throws IOException {
    Path broken = dir.resolve("broken.yaml");
    Files.writeString(broken, "openapi: 3.0.3\ninfo: {title: Broken\npaths: {}\n");

    Finished r = run("init", "--dir", dir.toString(), "--from", broken.toString());

    assertThat(r.exit()).isEqualTo(ExitCode.UNUSABLE_INPUT);
    assertThat(r.out()).containsPattern("broken\\.yaml:\\d+:\\d+: error: ");
    assertThat(r.out() + r.err()).doesNotContain("Exception");
    assertThat(dir.resolve("contracts")).doesNotExist();
  }

  @Test
  void anExistingContractIsOverwrittenOnlyWithForce() throws IOException {
    Path spec = dir.resolve("shop.yaml");
    Files.writeString(spec, shop("1.0.0", "list the orders"));
    assertThat(run("init", "--dir", dir.toString()).exit()).isEqualTo(ExitCode.OK);
    Files.writeString(spec, shop("1.0.0", "list every order"));

    Finished refused = run("init", "--dir", dir.toString());
    Path target = dir.resolve("contracts/openapi/shop/1.0.0.yaml");

    assertThat(refused.exit()).isEqualTo(ExitCode.UNUSABLE_INPUT);
    assertThat(refused.err()).contains("--force", "1.0.0.yaml");
    assertThat(target).content().contains("list the orders");
    assertThat(run("init", "--dir", dir.toString(), "--force").exit()).isEqualTo(ExitCode.OK);
    assertThat(target).content().contains("list every order");
  }

  @Test
  void filesThatAreNoContractAreSkippedAndAFolderWithoutAnyIsExitTwo() throws IOException {
    Files.writeString(dir.resolve("package.json"), "{\"name\": \"shop\"}");

    Finished r = run("init", "--dir", dir.toString());

    assertThat(r.exit()).isEqualTo(ExitCode.UNUSABLE_INPUT);
    assertThat(r.err()).contains("package.json (not a spec or a pact)", "no OpenAPI");
  }

  @Test
  void theFilesASpecReferencesAreCopiedBesideItSoItsReferencesStillResolve() throws IOException {
    Files.createDirectories(dir.resolve("api/schemas"));
    Files.writeString(
        dir.resolve("api/shop.yaml"),
        """
        openapi: 3.0.3
        info: {title: Shop, version: 1.0.0}
        paths:
          /orders:
            get:
              operationId: listOrders
              responses:
                '200':
                  description: the orders
                  content:
                    application/json:
                      schema: {$ref: './schemas/order.yaml#/Order'}
        """);
    Files.writeString(
        dir.resolve("api/schemas/order.yaml"),
        "Order:\n  type: object\n  properties:\n    id: {type: string}\n");

    Finished init = run("init", "--dir", dir.toString());

    assertThat(init.exit()).as(init.out() + init.err()).isEqualTo(ExitCode.OK);
    assertThat(dir.resolve("contracts/openapi/shop/schemas/order.yaml"))
        .hasSameTextualContentAs(dir.resolve("api/schemas/order.yaml"));
    Path contracts = dir.resolve("contracts");
    Finished lint = run("lint", "--root", contracts.toString(), contracts.toString());
    assertThat(lint.exit()).as(lint.out()).isEqualTo(ExitCode.OK);
    assertThat(lint.out()).contains("1 contract checked: 0 errors, 0 warnings");
  }

  private static String shop(String version, String summary) {
    return """
        openapi: 3.0.3
        info: {title: Shop, version: %s}
        paths:
          /orders:
            get:
              operationId: listOrders
              summary: %s
              responses: {'200': {description: the orders}}
        """
        .formatted(version, summary);
  }
}
