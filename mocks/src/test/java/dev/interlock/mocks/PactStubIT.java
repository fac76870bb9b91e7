package dev.interlock.mocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link PactStub} on a real loopback port: choosing, generating, refusing with reasons. */
class PactStubIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  static Path fixture(String name) {
    return Path.of("src/test/resources/pact").resolve(name);
  }

  static Path corpusPact(String name) {
    return Fixtures.corpus().resolveSibling("pacts").resolve(name);
  }

  static HttpResponse<String> get(URI base, String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
    if (headers.length > 0) {
      b.headers(headers);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static final String WORKSHOP =
      "pact-workshop-maven-springboot_ProductCatalogue-ProductService_v3.json";

  @Test
  void theProviderStateHeaderChoosesBetweenInteractionsOfTheSameRequest() throws Exception {
    try (PactStub stub =
        PactStub.start(List.of(corpusPact(WORKSHOP)), PactStubOptions.defaults())) {
      String auth = "Bearer AAABd9yHUjI=";
      HttpResponse<String> exists =
          get(
              stub.baseUri(),
              "/product/10",
              "Authorization",
              auth,
              "X-Pact-Provider-State",
              "product with ID 10 exists");
      HttpResponse<String> missing =
          get(
              stub.baseUri(),
              "/product/10",
              "Authorization",
              auth,
              "X-Pact-Provider-State",
              "product with ID 10 does not exist");
      assertThat(exists.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(exists.body()).path("name").asText()).isEqualTo("28 Degrees");
      assertThat(missing.statusCode()).isEqualTo(404);
    }
  }

  @Test
  void theProviderStateHeaderNameIsConfigurable() throws Exception {
    PactStubOptions options = PactStubOptions.defaults().withProviderStateHeader("X-State");
    try (PactStub stub = PactStub.start(List.of(corpusPact(WORKSHOP)), options)) {
      HttpResponse<String> r =
          get(
              stub.baseUri(),
              "/product/10",
              "Authorization",
              "Bearer AAABd9yHUjI=",
              "X-State",
              "product with ID 10 does not exist");
      assertThat(r.statusCode()).isEqualTo(404);
    }
  }

  @Test
  void theMostSpecificMatchWinsWithoutAProviderState() throws Exception {
    try (PactStub stub =
        PactStub.start(List.of(corpusPact(WORKSHOP)), PactStubOptions.defaults())) {
      // "get all products with no auth token" (401) also matches: it asks nothing of the headers
      assertThat(
              get(stub.baseUri(), "/products", "Authorization", "Bearer AAABd9yHUjI=").statusCode())
          .isEqualTo(200);
      assertThat(get(stub.baseUri(), "/products").statusCode()).isEqualTo(401);
    }
  }

  @Test
  void aRequestNoInteractionHasIsA404ProblemListingTheNearestWithWhy() throws Exception {
    try (PactStub stub =
        PactStub.start(List.of(corpusPact(WORKSHOP)), PactStubOptions.defaults())) {
      HttpResponse<String> r = get(stub.baseUri(), "/orders/1");
      assertThat(r.statusCode()).isEqualTo(404);
      assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      JsonNode problem = JSON.readTree(r.body());
      assertThat(problem.path("title").asText()).isEqualTo("No interaction matches");
      assertThat(problem.path("candidates")).isNotEmpty();
      JsonNode first = problem.path("candidates").get(0);
      assertThat(first.path("pact").asText()).isEqualTo(WORKSHOP);
      assertThat(first.path("mismatches").toString()).contains("path").contains("/orders/1");
    }
  }

  @Test
  void headerMismatchesAreListedPerCandidateWithSecretValuesRedacted() throws Exception {
    try (PactStub stub =
        PactStub.start(
            List.of(fixture("v3/provider-state-placeholders.json")), PactStubOptions.defaults())) {
      HttpResponse<String> r =
          get(
              stub.baseUri(),
              "/pacticipants/Bar",
              "Accept",
              "text/plain",
              "Authorization",
              "Bearer s3cr3t-token-value");
      assertThat(r.statusCode()).isEqualTo(400);
      JsonNode problem = JSON.readTree(r.body());
      assertThat(problem.path("candidates")).hasSize(1);
      JsonNode c = problem.path("candidates").get(0);
      assertThat(c.path("interaction").asText()).isEqualTo("a request for a pacticipant by name");
      assertThat(c.path("mismatches").get(0).path("type").asText()).isEqualTo("header");
      assertThat(c.path("mismatches").get(0).path("description").asText()).contains("Accept");
      assertThat(r.body()).doesNotContain("s3cr3t");
      assertThat(stub.journal().get(0).requestHeaders().get("Authorization"))
          .doesNotContain("s3cr3t");
    }
  }

  @Test
  void providerStatePlaceholdersMatchAnyValueAndFillTheResponse() throws Exception {
    try (PactStub stub =
        PactStub.start(
            List.of(fixture("v3/provider-state-placeholders.json")), PactStubOptions.defaults())) {
      HttpResponse<String> r =
          get(stub.baseUri(), "/pacticipants/Bar", "Accept", "application/hal+json");
      assertThat(r.statusCode()).isEqualTo(200);
      JsonNode body = JSON.readTree(r.body());
      assertThat(body.path("name").asText()).isEqualTo("Bar");
      assertThat(body.path("_links").path("self").path("href").asText())
          .isEqualTo(stub.baseUri() + "/pacticipants/Foo");
      assertThat(
              get(stub.baseUri(), "/pacticipants/Bar/versions", "Accept", "application/hal+json")
                  .statusCode())
          .as("a placeholder stands for one path segment")
          .isEqualTo(404);
    }
  }

  @Test
  void randomGeneratorsDrawFromTheSeed() throws Exception {
    Path pact = fixture("v3/provider-state-placeholders.json");
    String a1;
    String a2;
    String b1;
    try (PactStub a = PactStub.start(List.of(pact), PactStubOptions.defaults().withSeed(7))) {
      a1 = get(a.baseUri(), "/pacticipants/X", "Accept", "application/hal+json").body();
      a2 = get(a.baseUri(), "/pacticipants/X", "Accept", "application/hal+json").body();
    }
    try (PactStub b = PactStub.start(List.of(pact), PactStubOptions.defaults().withSeed(7))) {
      b1 = get(b.baseUri(), "/pacticipants/X", "Accept", "application/hal+json").body();
    }
    JsonNode first = JSON.readTree(a1);
    assertThat(first.path("token").asText()).hasSize(10).isNotEqualTo("abcdefghij");
    assertThat(first.path("id").asText()).matches("[0-9a-f-]{36}");
    assertThat(JSON.readTree(b1).path("token")).isEqualTo(first.path("token"));
    assertThat(JSON.readTree(a2).path("token")).isNotEqualTo(first.path("token"));
  }

  @Test
  void equallyGoodStatelessMatchesAnswerTogetherWhenTheirBodiesAgree() throws Exception {
    try (PactStub stub =
        PactStub.start(
            List.of(fixture("v3/provider-state-placeholders.json")), PactStubOptions.defaults())) {
      HttpResponse<String> r = get(stub.baseUri(), "/", "Accept", "application/hal+json");
      JsonNode links = JSON.readTree(r.body()).path("_links");
      assertThat(links.has("pb:pacticipant")).isTrue();
      assertThat(links.has("pb:webhooks")).isTrue();
      assertThat(stub.journal().get(0).operationId())
          .isEqualTo("a request for the index (+1 merged)");
    }
  }

  @Test
  void loopbackLinksOfARubyPactPointAtTheStubAndCanBeFollowed() throws Exception {
    Path pact = corpusPact("pact-broker/pact_broker_client-pact_broker.json");
    try (PactStub stub = PactStub.start(List.of(pact), PactStubOptions.defaults())) {
      String state = "the pb:pacticipant-branch relation exists in the index resource";
      HttpResponse<String> index =
          get(
              stub.baseUri(),
              "/",
              "Accept",
              "application/hal+json",
              "X-Pact-Provider-State",
              state);
      String href =
          JSON.readTree(index.body())
              .path("_links")
              .path("pb:pacticipant-branch")
              .path("href")
              .asText();
      assertThat(href).startsWith(stub.baseUri() + "/");
      String expanded = href.replace("{pacticipant}", "Foo").replace("{branch}", "main");
      HttpResponse<String> deleted =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(expanded))
                  .DELETE()
                  .header("X-Pact-Provider-State", "a branch named main exists for pacticipant Foo")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(deleted.statusCode()).isEqualTo(204);
      assertThat(stub.journal()).hasSize(2);
      assertThat(stub.journal().get(1).operationId())
          .isEqualTo("a request to delete a pacticipant branch");
      assertThat(stub.journal().get(1).version())
          .isEqualTo("a branch named main exists for pacticipant Foo");
    }
  }

  @Test
  void aPathTheClientEscapesMatchesAPactThatRecordedItUnescaped() throws Exception {
    try (PactStub stub =
        PactStub.start(List.of(fixture("v3/unescaped-path.json")), PactStubOptions.defaults())) {
      assertThat(get(stub.baseUri(), "/pacticipants/Pricing%20Service").statusCode())
          .isEqualTo(200);
      assertThat(get(stub.baseUri(), "/pacticipants/Pricing%20Servic").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void rubyStyleMatchersAreHonoured() throws Exception {
    try (PactStub stub =
        PactStub.start(List.of(fixture("v2/ruby-matchers.json")), PactStubOptions.defaults())) {
      HttpResponse<String> r =
          get(stub.baseUri(), "/pacticipants/Foo", "Accept", "application/hal+json; charset=utf-8");
      assertThat(r.statusCode()).isEqualTo(200);
      JsonNode body = JSON.readTree(r.body());
      assertThat(body.path("name").asText()).isEqualTo("Foo");
      assertThat(body.path("createdAt").asText()).isEqualTo("2024-01-02T03:04:05+00:00");
      assertThat(body.path("versions").get(0).path("number").asText()).isEqualTo("1.2.3");
      assertThat(get(stub.baseUri(), "/pacticipants/Foo", "Accept", "text/html").statusCode())
          .isEqualTo(400);
    }
  }

  @Test
  void aBinaryBodyIsServedByteForByteAndMessagesAreLeftOutWithANote() throws Exception {
    Path pact = corpusPact("pact-jvm_v4-combined-http-and-message-pact.json");
    try (PactStub stub = PactStub.start(List.of(pact), PactStubOptions.defaults())) {
      assertThat(stub.interactionCount()).isEqualTo(1);
      assertThat(stub.notes())
          .singleElement()
          .asString()
          .contains("1 message interaction(s) ignored");
      HttpResponse<byte[]> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(stub.baseUri() + "/")).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(r.headers().firstValue("Content-Type")).hasValue("image/gif");
      assertThat(r.body())
          .isEqualTo(
              Base64.getDecoder().decode("R0lGODdhAQABAIAAAP///////ywAAAAAAQABAAACAkQBADs="));
    }
  }

  @Test
  void corsPreflightsAreAnsweredOnlyWhenAskedFor() throws Exception {
    Path pact = corpusPact(WORKSHOP);
    try (PactStub plain = PactStub.start(List.of(pact), PactStubOptions.defaults());
        PactStub cors = PactStub.start(List.of(pact), PactStubOptions.defaults().withCors(true))) {
      assertThat(
              HTTP.send(preflight(plain.baseUri()), HttpResponse.BodyHandlers.ofString())
                  .statusCode())
          .isEqualTo(404);
      HttpResponse<String> r =
          HTTP.send(preflight(cors.baseUri()), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(204);
      assertThat(r.headers().firstValue("Access-Control-Allow-Origin"))
          .hasValue("http://app.example");
      assertThat(r.headers().firstValue("Access-Control-Allow-Headers")).hasValue("Authorization");
      assertThat(
              get(cors.baseUri(), "/products", "Origin", "http://app.example")
                  .headers()
                  .firstValue("Access-Control-Allow-Origin"))
          .hasValue("http://app.example");
    }
  }

  static HttpRequest preflight(URI base) {
    return HttpRequest.newBuilder(URI.create(base + "/products"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", "http://app.example")
        .header("Access-Control-Request-Method", "GET")
        .header("Access-Control-Request-Headers", "Authorization")
        .build();
  }

  @Test
  void aMissingOrUnreadablePactIsRefusedNamingTheFile() throws Exception {
    Path notAPact = Files.createTempFile("not-a-pact", ".json");
    Files.writeString(notAPact, "{ this is not json");
    assertThatThrownBy(
            () -> PactStub.start(List.of(Path.of("nowhere.json")), PactStubOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nowhere.json");
    assertThatThrownBy(() -> PactStub.start(List.of(notAPact), PactStubOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(notAPact.getFileName().toString());
  }
}
