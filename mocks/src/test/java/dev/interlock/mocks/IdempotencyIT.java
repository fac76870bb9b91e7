package dev.interlock.mocks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.interlock.core.contract.OpenApiContract;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code Idempotency-Key} honoured as vendors do, on a contract that does not declare it (the
 * errors fixture), against a real sandbox on a loopback port.
 */
class IdempotencyIT {

  static final String WIDGET = "{\"name\":\"w\",\"size\":2}";
  static ManualClock clock;
  static Sandbox sandbox;

  @BeforeAll
  static void start() {
    OpenApiContract contract = Fixtures.fixture("openapi/3.0/errors.yaml");
    clock = ManualClock.startingAt(Instant.parse("2026-11-24T09:00:00Z"));
    sandbox =
        Sandbox.start(
            contract,
            SandboxOptions.builder()
                .seed(5)
                .clock(clock)
                .idempotencyTtl(Duration.ofMinutes(10))
                .build());
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void reset() {
    sandbox.reset();
  }

  static RequestSpecification as(String credential) {
    return given()
        .baseUri(sandbox.baseUrl())
        .header("Authorization", "Bearer " + credential)
        .contentType(ContentType.JSON);
  }

  static Response create(String credential, String key, String body) {
    return as(credential).header("Idempotency-Key", key).body(body).post("/v2/widgets");
  }

  @Test
  void anUndeclaredIdempotencyKeyOnPostReplaysTheStoredResponse() {
    Response first = create("sk_a", "k-1", WIDGET);
    Response again = create("sk_a", "k-1", WIDGET);
    first.then().statusCode(200).header("Idempotent-Replayed", nullValue());
    again.then().statusCode(200).header("Idempotent-Replayed", "true");
    assertThat(again.asString()).isEqualTo(first.asString());
    assertThat(sandbox.ledger().count("widgets")).isEqualTo(1);
  }

  @Test
  void theSameKeyWithAnotherBodyIs422InTheContractsErrorShape() {
    create("sk_a", "k-2", WIDGET).then().statusCode(200);
    create("sk_a", "k-2", WIDGET.replace("2}", "3}"))
        .then()
        .statusCode(422)
        .body("error.type", equalTo("idempotency_error"))
        .body("error.code", equalTo("idempotency-key-reused"));
    assertThat(sandbox.ledger().count("widgets")).isEqualTo(1);
  }

  @Test
  void keysAreScopedToTheCredentialAndExpireAsConfiguredOnTheClock() {
    create("sk_a", "k-3", WIDGET).then().statusCode(200);
    create("sk_b", "k-3", WIDGET).then().statusCode(200).header("Idempotent-Replayed", nullValue());
    assertThat(sandbox.ledger().count("widgets")).isEqualTo(2);
    clock.advance(Duration.ofMinutes(9));
    create("sk_a", "k-3", WIDGET).then().statusCode(200).header("Idempotent-Replayed", "true");
    assertThat(sandbox.ledger().count("widgets")).isEqualTo(2);
    clock.advance(Duration.ofMinutes(2));
    create("sk_a", "k-3", WIDGET).then().statusCode(200).header("Idempotent-Replayed", nullValue());
    assertThat(sandbox.ledger().count("widgets")).isEqualTo(3);
  }

  @Test
  void anUndeclaredIdempotencyKeyOnPatchReplays() {
    String id = create("sk_a", "k-4", WIDGET).path("id");
    as("sk_a")
        .header("Idempotency-Key", "p-1")
        .body("{\"name\":\"renamed\"}")
        .patch("/v2/widgets/" + id)
        .then()
        .statusCode(200)
        .header("Idempotent-Replayed", nullValue());
    as("sk_a")
        .header("Idempotency-Key", "p-1")
        .body("{\"name\":\"renamed\"}")
        .patch("/v2/widgets/" + id)
        .then()
        .statusCode(200)
        .header("Idempotent-Replayed", "true");
  }

  @Test
  void withoutAKeyEveryPostCreates() {
    as("sk_a").body(WIDGET).post("/v2/widgets").then().statusCode(200);
    as("sk_a").body(WIDGET).post("/v2/widgets").then().statusCode(200);
    assertThat(sandbox.ledger().count("widgets")).isEqualTo(2);
  }
}
