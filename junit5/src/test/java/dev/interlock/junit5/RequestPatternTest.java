package dev.interlock.junit5;

import static dev.interlock.junit5.RequestPattern.anyRequest;
import static dev.interlock.junit5.RequestPattern.anyRequestedFor;
import static dev.interlock.junit5.RequestPattern.deleteRequestedFor;
import static dev.interlock.junit5.RequestPattern.getRequestedFor;
import static dev.interlock.junit5.RequestPattern.postRequestedFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.mocks.JournalEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestPatternTest {

  private static JournalEntry entry(String method, String url, int status) {
    return new JournalEntry(
        Instant.EPOCH,
        method,
        url,
        "createCharge",
        "2025-01-15",
        Map.of("Idempotency-Key", "k1", "Authorization", "[REDACTED]"),
        "{}",
        status,
        Map.of(),
        "{}",
        false,
        List.of(),
        List.of());
  }

  @Test
  void matchesTheMethodInAnyCaseAndTheExactPathWithoutItsQuery() {
    JournalEntry post = entry("POST", "/v1/charges?expand=customer", 201);

    assertThat(postRequestedFor("/v1/charges").matches(post)).isTrue();
    assertThat(RequestPattern.requestedFor("post", "/v1/charges").matches(post)).isTrue();
    assertThat(getRequestedFor("/v1/charges").matches(post)).isFalse();
    assertThat(postRequestedFor("/v1/charge").matches(post)).isFalse();
    assertThat(postRequestedFor("/v1/charges/x").matches(post)).isFalse();
  }

  @Test
  void templateAndStarSegmentsMatchOneSegmentAndATrailingDoubleStarTheRest() {
    JournalEntry get = entry("GET", "/v1/charges/ch_1", 200);

    assertThat(getRequestedFor("/v1/charges/{chargeId}").matches(get)).isTrue();
    assertThat(getRequestedFor("/v1/*/ch_1").matches(get)).isTrue();
    assertThat(getRequestedFor("/v1/**").matches(get)).isTrue();
    assertThat(anyRequest().matches(get)).isTrue();
    assertThat(getRequestedFor("/v1/{id}").matches(get)).isFalse();
    assertThat(getRequestedFor("/v2/**").matches(get)).isFalse();
  }

  @Test
  void aPatternWithAQueryMatchesPathAndQueryTogether() {
    JournalEntry get = entry("GET", "/v1/charges?limit=2", 200);

    assertThat(getRequestedFor("/v1/charges?limit=2").matches(get)).isTrue();
    assertThat(getRequestedFor("/v1/charges?limit=3").matches(get)).isFalse();
  }

  @Test
  void headersMatchByNameInAnyCaseAndByValueOrPresence() {
    JournalEntry post = entry("POST", "/v1/charges", 201);

    assertThat(postRequestedFor("/v1/charges").withHeader("idempotency-key", "k1").matches(post))
        .isTrue();
    assertThat(postRequestedFor("/v1/charges").withHeader("Idempotency-Key", "k2").matches(post))
        .isFalse();
    assertThat(postRequestedFor("/v1/charges").withHeader("authorization").matches(post)).isTrue();
    assertThat(postRequestedFor("/v1/charges").withHeader("X-Trace").matches(post)).isFalse();
  }

  @Test
  void statusAndOperationNarrowTheMatch() {
    JournalEntry post = entry("POST", "/v1/charges", 201);

    assertThat(anyRequestedFor("/v1/charges").withStatus(201).matches(post)).isTrue();
    assertThat(anyRequestedFor("/v1/charges").withStatus(400).matches(post)).isFalse();
    assertThat(anyRequestedFor("/**").withOperationId("createCharge").matches(post)).isTrue();
    assertThat(anyRequestedFor("/**").withOperationId("getCharge").matches(post)).isFalse();
  }

  @Test
  void describesItselfAsAFailureMessageShowsIt() {
    assertThat(
            postRequestedFor("/v1/charges")
                .withOperationId("createCharge")
                .withHeader("Idempotency-Key", "k1")
                .withHeader("Authorization")
                .withStatus(201))
        .hasToString(
            "POST /v1/charges (createCharge) with Idempotency-Key: k1, Authorization answered 201");
    assertThat(anyRequestedFor("/v1/**")).hasToString("any request to /v1/**");
    assertThat(deleteRequestedFor("/v1/charges/{id}")).hasToString("DELETE /v1/charges/{id}");
  }

  @Test
  void aPathWithoutLeadingSlashIsRefusedSayingWhatIsExpected() {
    assertThatThrownBy(() -> getRequestedFor("v1/charges"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a request path pattern starts with '/': 'v1/charges' (e.g. /v1/charges/{id})");
  }

  @Test
  void countsSayHowManyTheyAccept() {
    assertThat(RequestCount.exactly(1).accepts(1)).isTrue();
    assertThat(RequestCount.exactly(1).accepts(2)).isFalse();
    assertThat(RequestCount.atLeast(2).accepts(3)).isTrue();
    assertThat(RequestCount.atLeast(2).accepts(1)).isFalse();
    assertThat(RequestCount.atMost(2).accepts(2)).isTrue();
    assertThat(RequestCount.atMost(2).accepts(3)).isFalse();
    assertThat(RequestCount.never().accepts(0)).isTrue();
    assertThat(RequestCount.never().accepts(1)).isFalse();
    assertThat(RequestCount.exactly(1)).hasToString("exactly 1");
  }
}
