package dev.interlock.mocks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interlock.core.contract.OpenApiContract;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A vendor's own contract (the corpus Stripe spec, form bodies with deepObject encodings) driven
 * the way its SDK drives it. Nothing in the sandbox knows this vendor: the spec's encoding object
 * and schemas are all it reads.
 */
class CorpusFormBodiesIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
  static final HttpClient http = HttpClient.newHttpClient();
  static Sandbox sandbox;

  @BeforeAll
  static void start() {
    Path spec = Fixtures.corpus().resolve("stripe/stripe_spec3_2023-09-12_api-2023-08-16.yaml");
    OpenApiContract contract = Fixtures.load(spec, spec.getParent());
    sandbox =
        Sandbox.start(
            contract, SandboxOptions.builder().seed(5).clock(ManualClock.startingAt(NOW)).build());
  }

  @AfterAll
  static void stop() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @Test
  void aCustomerCreatedWithDeepObjectMetadataKeepsWhatWasSentAndReadsBack() throws Exception {
    HttpResponse<String> created =
        send(
            "POST",
            "/v1/customers",
            "name=Jenny+Rosen&email=jenny.rosen%40example.com&phone=%2B15558675310"
                + "&metadata[order]=o-1&expand[0]=tax");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    JsonNode customer = JSON.readTree(created.body());
    assertThat(customer.path("object").asText()).isEqualTo("customer");
    assertThat(customer.path("name").asText()).isEqualTo("Jenny Rosen");
    assertThat(customer.path("email").asText()).isEqualTo("jenny.rosen@example.com");
    assertThat(customer.path("phone").asText()).isEqualTo("+15558675310");
    assertThat(customer.path("metadata")).isEqualTo(JSON.readTree("{\"order\": \"o-1\"}"));
    // unix-time near the sandbox's clock, not a small number
    assertThat(customer.path("created").asLong())
        .isBetween(NOW.getEpochSecond() - 31 * 86400L, NOW.getEpochSecond());

    HttpResponse<String> read = send("GET", "/v1/customers/" + customer.path("id").asText(), null);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(read.body())).isEqualTo(customer);
  }

  static HttpResponse<String> send(String method, String path, String form) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
            .header("Authorization", "Bearer sk_test_sandbox");
    if (form != null) {
      b.header("Content-Type", "application/x-www-form-urlencoded");
    }
    b.method(
        method,
        form == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(form));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
