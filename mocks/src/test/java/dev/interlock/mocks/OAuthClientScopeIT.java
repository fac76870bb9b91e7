package dev.interlock.mocks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Idempotency keys sent with a token the sandbox issued are scoped to the OAuth 2 client, not to
 * the token: an adapter that restarts (or refreshes its token) and repeats a request with the same
 * key gets the first answer replayed.
 */
class OAuthClientScopeIT {

  static final String ENTRY =
      "{\"date\":\"2026-11-24\",\"currency\":\"EUR\",\"reference\":\"ord_8XfK2mQ9pLw3\","
          + "\"memo\":\"Order #1042\",\"lines\":["
          + "{\"account\":\"1210\",\"side\":\"debit\",\"amount\":5980},"
          + "{\"account\":\"4000\",\"side\":\"credit\",\"amount\":5980}]}";

  ManualClock clock;
  Sandbox accounting;

  @BeforeEach
  void start() {
    Path contracts = Fixtures.contracts();
    clock = ManualClock.startingAt(Instant.parse("2026-11-24T09:00:00Z"));
    accounting =
        Sandbox.start(
            Fixtures.load(contracts.resolve("openapi/accounting/v1.yaml"), contracts),
            SandboxOptions.builder()
                .seed(7)
                .clock(clock)
                .clients(Map.of("order-sync", "s3cret", "billing", "0ther"))
                .build());
  }

  @AfterEach
  void stop() {
    accounting.close();
  }

  private String token(String client, String secret) {
    clock.advance(Duration.ofSeconds(1));
    return given()
        .baseUri(accounting.baseUrl())
        .contentType("application/x-www-form-urlencoded")
        .body("grant_type=client_credentials&client_id=" + client + "&client_secret=" + secret)
        .post("/oauth/token")
        .then()
        .statusCode(200)
        .extract()
        .path("access_token");
  }

  private Response book(String token, String key) {
    clock.advance(Duration.ofSeconds(1));
    return given()
        .baseUri(accounting.baseUrl())
        .header("Authorization", "Bearer " + token)
        .header("Idempotency-Key", key)
        .contentType("application/json")
        .body(ENTRY)
        .post("/v1/journal-entries");
  }

  @Test
  void aKeyRepeatedWithAnotherTokenOfTheSameClientIsReplayed() {
    String first = token("order-sync", "s3cret");
    String afterRestart = token("order-sync", "s3cret");
    assertThat(afterRestart).isNotEqualTo(first);

    Response booked = book(first, "ord_8XfK2mQ9pLw3");
    Response repeated = book(afterRestart, "ord_8XfK2mQ9pLw3");

    assertThat(booked.statusCode()).as(booked.asString()).isEqualTo(201);
    assertThat(repeated.statusCode()).as(repeated.asString()).isEqualTo(201);
    assertThat(repeated.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(repeated.<String>path("id")).isEqualTo(booked.<String>path("id"));
    assertThat(accounting.ledger().count("journal-entries")).isEqualTo(1);
  }

  @Test
  void anotherClientWithTheSameKeyBooksItsOwnEntry() {
    Response ours = book(token("order-sync", "s3cret"), "ord_8XfK2mQ9pLw3");
    Response theirs = book(token("billing", "0ther"), "ord_8XfK2mQ9pLw3");

    assertThat(theirs.statusCode()).as(theirs.asString()).isEqualTo(201);
    assertThat(theirs.header("Idempotent-Replayed")).isNull();
    assertThat(theirs.<String>path("id")).isNotEqualTo(ours.<String>path("id"));
    assertThat(accounting.ledger().count("journal-entries")).isEqualTo(2);
  }
}
