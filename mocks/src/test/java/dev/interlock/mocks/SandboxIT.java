package dev.interlock.mocks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.interlock.core.contract.OpenApiContract;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox's behaviours, each against a real running sandbox on a loopback port. */
class SandboxIT {

  static final String ORDER =
      "{\"currency\":\"EUR\",\"items\":[{\"sku\":\"TEA-1\",\"quantity\":2}]}";

  static OpenApiContract shop;
  static ManualClock clock;
  static Sandbox sandbox;

  @BeforeAll
  static void start() {
    shop = Fixtures.fixture("openapi/3.0/shop.yaml");
    clock = ManualClock.startingAt(Instant.parse("2026-11-24T09:00:00Z"));
    sandbox =
        Sandbox.start(
            shop, SandboxOptions.builder().seed(7).clock(clock).journalCapacity(50).build());
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void reset() {
    sandbox.setScenario(Scenario.normal());
    sandbox.reset();
    clock.advance(Duration.ofMinutes(1)); // refills every rate-limit bucket
  }

  /** A call with the API key; the clock moves on 250 ms, so the rate limit never bites. */
  static RequestSpecification api() {
    clock.advance(Duration.ofMillis(250));
    return burst();
  }

  /** A call with the API key at the same instant as the previous one. */
  static RequestSpecification burst() {
    return given()
        .baseUri(sandbox.baseUrl())
        .header("X-Api-Key", "sk_test_abc")
        .urlEncodingEnabled(false);
  }

  /**
   * What the response-side validator finds wrong with an answer of the sandbox. The verifiers' own
   * judge ({@code ResponseConformance}) cannot be used here: mocks never depends on verifiers.
   */
  static List<String> violations(String method, String path, Response r) {
    OpenApiInteractionValidator validator =
        OpenApiInteractionValidator.createForSpecificationUrl(shop.file().toUri().toString())
            .withResolveCombinators(true)
            .withLevelResolver(
                LevelResolver.create()
                    .withLevel("validation.request", ValidationReport.Level.IGNORE)
                    // as the verifiers' judge: allOf branches seen alone call each other's
                    // properties additional
                    .withLevel(
                        "validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
                    .build())
            .build();
    SimpleResponse.Builder b = SimpleResponse.Builder.status(r.statusCode()).withBody(r.asString());
    r.getHeaders().forEach(h -> b.withHeader(h.getName(), h.getValue()));
    return validator
        .validateResponse(path, Request.Method.valueOf(method), b.build())
        .getMessages()
        .stream()
        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
        .map(ValidationReport.Message::toString)
        .toList();
  }

  @Test
  void bindsToLoopbackOnADynamicPort() {
    assertThat(sandbox.baseUrl()).startsWith("http://127.0.0.1:");
    assertThat(sandbox.port()).isPositive();
    assertThat(sandbox.isRunning()).isTrue();
  }

  @Test
  void routesMethodAndPathTemplateUnderTheServersBasePath() {
    Response created = api().contentType(ContentType.JSON).body(ORDER).post("/v1/orders");
    created.then().statusCode(201);
    String id = created.path("id");
    api().get("/v1/orders/" + id).then().statusCode(200).body("id", equalTo(id));
    assertThat(sandbox.journal())
        .extracting(JournalEntry::operationId)
        .contains("createOrder", "getOrder");
  }

  @Test
  void unknownRequestGets404ProblemNamingTheClosestOperations() {
    api()
        .get("/v1/ordres")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("closestOperations", hasItem("GET /v1/orders"))
        .body("detail", containsString("GET /v1/orders"));
  }

  @Test
  void wrongMethodOnAKnownPathGets405WithAllow() {
    api().put("/v1/orders").then().statusCode(405).header("Allow", containsString("POST"));
  }

  @Test
  void answersWithTheFirstExampleOfTheLowest2xxStatus() {
    api()
        .contentType(ContentType.JSON)
        .body(ORDER)
        .post("/v1/orders")
        .then()
        .statusCode(201)
        .contentType(ContentType.JSON)
        .body("status", equalTo("paid"))
        .header("Location", equalTo("/v1/orders/ord_12345678"));
  }

  @Test
  void preferHeaderSelectsANamedExample() {
    api()
        .header("Prefer", "example=pending")
        .contentType(ContentType.JSON)
        .body(ORDER)
        .post("/v1/orders")
        .then()
        .statusCode(201)
        .body("status", equalTo("pending"));
  }

  @Test
  void synthesizesABodyValidAgainstTheSchemaWhenThereIsNoExample() {
    Response r = api().get("/v1/catalog/TEA-0001");
    r.then()
        .statusCode(200)
        .body(
            "id",
            matchesPattern("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"))
        .body("sku", matchesPattern("^[A-Z]{3}-[0-9]{4}$"))
        .body("contact", containsString("@"))
        .body("payment.kind", notNullValue());
    assertThat(violations("GET", "/v1/catalog/TEA-0001", r)).isEmpty();
  }

  @Test
  void synthesizedBodiesAreTheSameForTheSameSeed() {
    String first = api().get("/v1/catalog/X").asString();
    // the same clock too: synthesized timestamps lie near the sandbox's clock
    try (Sandbox again =
            Sandbox.start(shop, SandboxOptions.builder().seed(7).clock(clock).build());
        Sandbox other =
            Sandbox.start(shop, SandboxOptions.builder().seed(8).clock(clock).build())) {
      String same = given().baseUri(again.baseUrl()).get("/v1/catalog/X").asString();
      String different = given().baseUri(other.baseUrl()).get("/v1/catalog/X").asString();
      assertThat(same).isEqualTo(first);
      assertThat(different).isNotEqualTo(first);
    }
  }

  @Test
  void recursiveSchemasStopAtADepthCap() {
    Response r = api().get("/v1/categories");
    r.then().statusCode(200);
    assertThat(r.asString().length()).isLessThan(20_000);
    assertThat(violations("GET", "/v1/categories", r)).isEmpty();
  }

  @Test
  void invalidRequestGets400ProblemListingEachViolationWithItsPointer() {
    api()
        .contentType(ContentType.JSON)
        .body("{\"currency\":\"GBP\",\"items\":[{\"sku\":\"nope\",\"quantity\":0}],\"extra\":1}")
        .post("/v1/orders")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.size()", org.hamcrest.Matchers.greaterThanOrEqualTo(3))
        .body("errors.pointer", hasItem("/body/currency"))
        .body("errors.pointer", hasItem("/body/items/0/quantity"))
        .body("errors[0].code", startsWithValidation());
    api()
        .get("/v1/orders?limit=1000")
        .then()
        .statusCode(400)
        .body("errors.pointer", hasItem("/query/limit"));
  }

  private static org.hamcrest.Matcher<String> startsWithValidation() {
    return org.hamcrest.Matchers.startsWith("validation.");
  }

  @Test
  void missingApiKeyGets401WithWwwAuthenticate() {
    given()
        .baseUri(sandbox.baseUrl())
        .get("/v1/orders")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", containsString("X-Api-Key"))
        .contentType("application/problem+json");
    // an operation with security: [] needs no key
    given().baseUri(sandbox.baseUrl()).get("/v1/catalog/ABC-1").then().statusCode(200);
  }

  @Test
  void wrongApiKeyGets401WhenKeysAreConfigured() {
    try (Sandbox strict =
        Sandbox.start(
            shop, SandboxOptions.builder().apiKeys(java.util.Set.of("sk_good")).build())) {
      given()
          .baseUri(strict.baseUrl())
          .header("X-Api-Key", "sk_bad")
          .get("/v1/orders")
          .then()
          .statusCode(401)
          .header("WWW-Authenticate", notNullValue());
      given()
          .baseUri(strict.baseUrl())
          .header("X-Api-Key", "sk_good")
          .get("/v1/orders")
          .then()
          .statusCode(200);
    }
  }

  @Test
  void postCreatesAResourceThatCanBeReadListedAndDeleted() {
    String a = api().contentType(ContentType.JSON).body(ORDER).post("/v1/orders").path("id");
    String b = api().contentType(ContentType.JSON).body(ORDER).post("/v1/orders").path("id");
    assertThat(a).isNotEqualTo(b).matches("^ord_[A-Za-z0-9]{8}$");
    api()
        .get("/v1/orders/" + a)
        .then()
        .statusCode(200)
        .body("id", equalTo(a))
        .body("items[0].quantity", equalTo(2));
    api()
        .get("/v1/orders")
        .then()
        .statusCode(200)
        // the contract's own example orders are there from the start, before what was created
        .body("data.id", org.hamcrest.Matchers.contains("ord_AbCd1234", "ord_ZyXw9876", a, b))
        .body("hasMore", equalTo(false));
    api().delete("/v1/orders/" + a).then().statusCode(204);
    api().get("/v1/orders/" + a).then().statusCode(404);
    api()
        .get("/v1/orders/ord_nothere1")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    assertThat(sandbox.ledger().count("orders")).isEqualTo(2);
  }

  @Test
  void repeatedPostWithSameIdempotencyKeyCreatesNothingNew() {
    Response first =
        api()
            .header("Idempotency-Key", "key-1")
            .contentType(ContentType.JSON)
            .body(ORDER)
            .post("/v1/orders");
    Response second =
        api()
            .header("Idempotency-Key", "key-1")
            .contentType(ContentType.JSON)
            .body(ORDER)
            .post("/v1/orders");
    first.then().statusCode(201);
    second.then().statusCode(201).header("Idempotent-Replayed", "true");
    assertThat(second.asString()).isEqualTo(first.asString());
    assertThat(sandbox.ledger().count("orders")).isEqualTo(1);
    api()
        .header("Idempotency-Key", "key-2")
        .contentType(ContentType.JSON)
        .body(ORDER)
        .post("/v1/orders")
        .then()
        .statusCode(201);
    assertThat(sandbox.ledger().count("orders")).isEqualTo(2);
  }

  @Test
  void sameIdempotencyKeyWithADifferentBodyGets409() {
    api()
        .header("Idempotency-Key", "key-9")
        .contentType(ContentType.JSON)
        .body(ORDER)
        .post("/v1/orders")
        .then()
        .statusCode(201);
    api()
        .header("Idempotency-Key", "key-9")
        .contentType(ContentType.JSON)
        .body(ORDER.replace("\"quantity\":2", "\"quantity\":3"))
        .post("/v1/orders")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("code", equalTo("idempotency-key-reused"));
    assertThat(sandbox.ledger().count("orders")).isEqualTo(1);
  }

  @Test
  void rateLimitGives429WithRetryAfterAndRateLimitHeadersOnTheInjectedClock() {
    for (int i = 0; i < 5; i++) {
      burst()
          .get("/v1/orders")
          .then()
          .statusCode(200)
          .header("RateLimit-Limit", "5")
          .header("RateLimit-Remaining", String.valueOf(4 - i));
    }
    burst()
        .get("/v1/orders")
        .then()
        .statusCode(429)
        .header("Retry-After", "1")
        .header("RateLimit-Remaining", "0")
        .header("RateLimit-Reset", notNullValue());
    // another credential has its own bucket
    given()
        .baseUri(sandbox.baseUrl())
        .header("X-Api-Key", "sk_other")
        .get("/v1/orders")
        .then()
        .statusCode(200);
    clock.advance(Duration.ofMillis(200));
    burst().get("/v1/orders").then().statusCode(200);
    burst().get("/v1/orders").then().statusCode(429);
  }

  @Test
  void deprecatedOperationsAnswerWithDeprecationAndSunsetHeaders() {
    api()
        .get("/v1/orders/ord_1/label")
        .then()
        .statusCode(200)
        .header("Deprecation", "true")
        .header("Sunset", "Wed, 30 Jun 2027 00:00:00 GMT");
    api().get("/v1/orders").then().header("Deprecation", org.hamcrest.Matchers.nullValue());
  }

  @Test
  void flakyScenarioFailsAShareOfRequestsWith5xxAndResets() {
    sandbox.setScenario(Scenario.flaky(0.5, 0.2));
    int failures = 0;
    int resets = 0;
    int ok = 0;
    for (int i = 0; i < 40; i++) {
      clock.advance(Duration.ofSeconds(1));
      try {
        // POST: the HTTP client retries idempotent requests after a reset, which would hide it
        int status =
            api().contentType(ContentType.JSON).body(ORDER).post("/v1/orders").statusCode();
        if (status >= 500) {
          assertThat(status).isIn(500, 502, 503);
          failures++;
        } else {
          ok++;
        }
      } catch (Exception e) {
        resets++;
      }
    }
    assertThat(failures).isGreaterThan(5);
    assertThat(resets).isGreaterThan(1);
    assertThat(ok).isGreaterThan(5);
    assertThat(sandbox.journal().stream().filter(JournalEntry::fault).count()).isEqualTo(resets);
  }

  @Test
  void slowScenarioDelaysResponsesScaledByTimeScale() {
    try (Sandbox slow =
        Sandbox.start(
            shop,
            SandboxOptions.builder()
                .scenario(Scenario.slow(Duration.ofSeconds(20), Duration.ofSeconds(30)))
                .timeScale(0.01)
                .build())) {
      long start = System.nanoTime();
      given().baseUri(slow.baseUrl()).get("/v1/catalog/ABC-1").then().statusCode(200);
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(millis).isBetween(60L, 3_000L);
    }
  }

  @Test
  void rateLimitedScenarioTightensTheLimit() {
    sandbox.setScenario(Scenario.rateLimited(1, Duration.ofSeconds(10)));
    burst().get("/v1/orders").then().statusCode(200).header("RateLimit-Limit", "1");
    burst().get("/v1/orders").then().statusCode(429).header("Retry-After", "10");
  }

  @Test
  void outageScenarioAnswers503WithRetryAfterUntilThePeriodEnds() {
    sandbox.setScenario(Scenario.outage(Duration.ofSeconds(30)));
    api().get("/v1/orders").then().statusCode(503).header("Retry-After", "30");
    clock.advance(Duration.ofSeconds(20));
    api().get("/v1/orders").then().statusCode(503).header("Retry-After", "10");
    clock.advance(Duration.ofSeconds(10));
    api().get("/v1/orders").then().statusCode(200);
  }

  @Test
  void scriptedScenarioPlaysAnExactSequencePerOperation() {
    sandbox.setScenario(
        Scenario.scripted(Map.of("createOrder", List.of("503", "503", "reset", "201"))));
    api()
        .contentType(ContentType.JSON)
        .body(ORDER)
        .post("/v1/orders")
        .then()
        .statusCode(503)
        .header("Retry-After", notNullValue());
    api().contentType(ContentType.JSON).body(ORDER).post("/v1/orders").then().statusCode(503);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> api().contentType(ContentType.JSON).body(ORDER).post("/v1/orders"))
        .isInstanceOf(Exception.class);
    api().contentType(ContentType.JSON).body(ORDER).post("/v1/orders").then().statusCode(201);
    api().contentType(ContentType.JSON).body(ORDER).post("/v1/orders").then().statusCode(201);
    // other operations are not scripted
    api().get("/v1/orders").then().statusCode(200);
  }

  @Test
  void adminApiSwitchesScenarioAndResetsState() {
    given()
        .baseUri(sandbox.baseUrl())
        .contentType(ContentType.JSON)
        .body("{\"name\":\"outage\",\"duration\":\"5s\"}")
        .post("/__interlock/scenario")
        .then()
        .statusCode(200)
        .body("name", equalTo("outage"));
    assertThat(sandbox.scenario()).isInstanceOf(Scenario.Outage.class);
    api().get("/v1/orders").then().statusCode(503);
    given()
        .baseUri(sandbox.baseUrl())
        .contentType(ContentType.JSON)
        .body("{\"name\":\"normal\"}")
        .post("/__interlock/scenario")
        .then()
        .statusCode(200);
    api().contentType(ContentType.JSON).body(ORDER).post("/v1/orders").then().statusCode(201);
    given()
        .baseUri(sandbox.baseUrl())
        .get("/__interlock/ledger")
        .then()
        .statusCode(200)
        .body("orders.size()", equalTo(1));
    given().baseUri(sandbox.baseUrl()).post("/__interlock/reset").then().statusCode(200);
    assertThat(sandbox.ledger().count("orders")).isZero();
    given()
        .baseUri(sandbox.baseUrl())
        .body("{\"name\":\"chaos\"}")
        .post("/__interlock/scenario")
        .then()
        .statusCode(400);
  }

  @Test
  void adminApiRefusesAScenarioKeyItDoesNotKnowNamingIt() {
    given()
        .baseUri(sandbox.baseUrl())
        .contentType(ContentType.JSON)
        .body("{\"name\":\"flaky\",\"errorRat\":0.5}")
        .post("/__interlock/scenario")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("no setting 'errorRat'"));
    given()
        .baseUri(sandbox.baseUrl())
        .contentType(ContentType.JSON)
        .body("{\"name\":\"outage\",\"status\":502,\"retryAfter\":\"5s\"}")
        .post("/__interlock/scenario")
        .then()
        .statusCode(200)
        .body("status", equalTo(502))
        .body("retryAfter", equalTo("PT5S"));
    api().get("/v1/orders").then().statusCode(502).header("Retry-After", "5");
  }

  @Test
  void journalRedactsSecretsAndCardNumbers() {
    api()
        .header("Authorization", "Bearer sk_live_secret")
        .header("Cookie", "session=abc")
        .contentType(ContentType.JSON)
        .body(
            "{\"currency\":\"EUR\",\"items\":[{\"sku\":\"TEA-1\",\"quantity\":1}],\"note\":\"card 4242 4242 4242 4242\"}")
        .post("/v1/orders")
        .then()
        .statusCode(201);
    String journal =
        given()
            .baseUri(sandbox.baseUrl())
            .get("/__interlock/journal")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(journal)
        .doesNotContain("sk_test_abc", "sk_live_secret", "session=abc", "4242 4242 4242 4242");
    assertThat(journal).contains("[REDACTED]", "createOrder");
    JournalEntry e = sandbox.journal().get(0);
    assertThat(e.requestHeaders())
        .containsEntry("X-Api-Key", "[REDACTED]")
        .containsEntry("Authorization", "[REDACTED]");
  }

  @Test
  void journalIsBounded() {
    for (int i = 0; i < 60; i++) {
      given().baseUri(sandbox.baseUrl()).get("/v1/catalog/A" + i);
    }
    assertThat(sandbox.journal()).hasSize(50);
    assertThat(sandbox.journal().get(49).url()).isEqualTo("/v1/catalog/A59");
  }

  @Test
  void wireMocksOwnAdminApiIsNotServedOnTheSandboxPort() {
    // /__admin/... belongs to the contract (WireMock's admin API is a contract too): on a contract
    // without such a path it is an unknown path, never WireMock's stub list
    given()
        .baseUri(sandbox.baseUrl())
        .get("/__admin/mappings")
        .then()
        .statusCode(404)
        .body(not(containsString("\"mappings\"")));
  }

  @Test
  void adminApiNeedsTheTokenWhenOneIsSet() {
    try (Sandbox guarded =
        Sandbox.start(shop, SandboxOptions.builder().adminToken("s3cret").build())) {
      given().baseUri(guarded.baseUrl()).get("/__interlock/journal").then().statusCode(401);
      given()
          .baseUri(guarded.baseUrl())
          .header("Authorization", "Bearer s3cret")
          .get("/__interlock/journal")
          .then()
          .statusCode(200);
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Sandbox.start(shop, SandboxOptions.builder().bindAddress("0.0.0.0").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("admin token");
  }
}
