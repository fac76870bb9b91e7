package dev.interlock.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.Fixtures;
import dev.interlock.core.contract.AsyncApiContract;
import dev.interlock.core.contract.Contract;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.contract.PactContract;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pins what {@code interlock compat} prints for the bundled contracts, the mismatch fixture and the
 * corpus pacts, so that refactoring the checks cannot change a verdict, a message or a location
 * unnoticed. A deliberate change rewrites the files with {@code -Dinterlock.golden.update=true} and
 * the diff is reviewed like code.
 */
class CompatGoldenTest {

  private static final Path GOLDEN =
      Contracts.repoRoot().resolve("compat/src/test/resources/compat/golden");

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "bundled-payments-2024-06-01, bundled, pacts/order-sync-payments.json, openapi/payments/2024-06-01.yaml",
    "bundled-payments-2025-01-15, bundled, pacts/order-sync-payments.json, openapi/payments/2025-01-15.yaml",
    "bundled-accounting-v1, bundled, pacts/order-sync-accounting.json, openapi/accounting/v1.yaml",
    "bundled-fulfilment-v1, bundled, pacts/order-sync-fulfilment.json, openapi/fulfilment/v1.yaml",
    "bundled-fulfilment-v2, bundled, pacts/order-sync-fulfilment.json, openapi/fulfilment/v2.yaml",
    "bundled-storefront-webhooks, bundled, pacts/order-sync-storefront.json, asyncapi/storefront-webhooks.yaml",
    "fixture-charges, fixtures, pact/v3/fixture-charges.json, openapi/3.0/charges.yaml",
    "pact-js-17-v3, repo, core/src/test/resources/pact/v3/pact-js-17_charges.json, compat/src/test/resources/compat/openapi/3.0/charges.yaml",
    "pact-js-17-v4, repo, core/src/test/resources/pact/v4/pact-js-17_charges.json, compat/src/test/resources/compat/openapi/3.0/charges.yaml",
    "v4-raw-bodies-string-comments, repo, core/src/test/resources/pact/v4/raw-bodies-string-comments.json, compat/src/test/resources/compat/openapi/3.0/charges.yaml",
    "corpus-workshop-v3, corpus, pacts/pact-workshop-maven-springboot_ProductCatalogue-ProductService_v3.json, openapi/openapi-directory/apis.guru_2.2.0_openapi.yaml",
    "corpus-jvm-v2, corpus, pacts/pact-jvm_v2-pact.json, openapi/openapi-directory/xkcd.com_1.0.0_openapi.yaml",
    "corpus-jvm-v3, corpus, pacts/pact-jvm_v3-pact.json, openapi/openapi-directory/xkcd.com_1.0.0_openapi.yaml",
    "corpus-jvm-v4-combined, corpus, pacts/pact-jvm_v4-combined-http-and-message-pact.json, openapi/openapi-directory/xkcd.com_1.0.0_openapi.yaml",
    "corpus-jvm-v4-message, corpus, pacts/pact-jvm_v4-message-pact.json, asyncapi/asyncapi-2.6.0_streetlights-kafka.yml",
    "corpus-jvm-v3-message, corpus, pacts/pact-jvm_v3-message-pact.json, asyncapi/asyncapi-3.0.0_streetlights-mqtt.yml",
    "corpus-broker-client, corpus, pacts/pact-broker/pact_broker_client-pact_broker.json, openapi/openapi-directory/apis.guru_2.2.0_openapi.yaml",
    "corpus-broker-client-v2-pactflow, corpus, pacts/pact-broker/Pact_Broker_Client_V2-PactFlow.json, openapi/openapi-directory/hubapi.com_events_v3_openapi.yaml"
  })
  void printsWhatItPrintedBefore(String name, String where, String pactFile, String specFile)
      throws IOException {
    Path root = root(where);
    PactContract pact = Contracts.load(root, pactFile);
    Contract spec = Contracts.load(root, specFile);

    CompatReport report =
        spec instanceof OpenApiContract openApi
            ? PactSpecCompatibility.check(pact, openApi)
            : MessageCompatibility.check(pact, (AsyncApiContract) spec);
    // The corpus sits beside the checkout, wherever that is: name it the same on every machine.
    String text =
        new CompatRenderer(Contracts.repoRoot())
            .text(List.of(report))
            .replace(Fixtures.corpus("").toAbsolutePath().normalize() + "/", "<corpus>/");

    Path golden = GOLDEN.resolve(name + ".txt");
    if (Boolean.getBoolean("interlock.golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, text, StandardCharsets.UTF_8);
    }
    assertThat(golden).as("golden file (write it with -Dinterlock.golden.update=true)").exists();
    assertThat(text).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  private static Path root(String where) {
    return switch (where) {
      case "bundled" -> Contracts.bundled();
      case "fixtures" -> Contracts.fixtures();
      case "repo" -> Contracts.repoRoot();
      default -> Fixtures.corpus("");
    };
  }
}
