package dev.interlock.mocks.internal;

import static dev.interlock.mocks.internal.Steps.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.mocks.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class IdempotencyTest {

  static final ContractVersion SHOP = Steps.shop();
  final ManualClock clock = ManualClock.startingAt(Instant.parse("2026-11-24T09:00:00Z"));
  final Idempotency idempotency =
      new Idempotency(clock, Duration.ofHours(24), 100, Steps.problems());
  final AtomicInteger answered = new AtomicInteger();
  final Function<Exchange, Reply> respond =
      ex -> Reply.of(201).withBody("{\"n\":" + answered.incrementAndGet() + "}");

  Exchange post(String key, String body, String credential) {
    return Steps.exchange(
        SHOP,
        call(
            "POST", "/v1/orders", body, "Content-Type", "application/json", "Idempotency-Key", key),
        credential);
  }

  @Test
  void theSameKeyAndBodyReplayTheStoredReplyMarkedAsReplayed() {
    Reply first = idempotency.apply(post("k1", Steps.ORDER, "sk_a"), respond);
    Reply again = idempotency.apply(post("k1", Steps.ORDER, "sk_a"), respond);
    assertThat(answered).hasValue(1);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(first.header("Idempotent-Replayed")).isNull();
  }

  @Test
  void theSameKeyWithAnotherBodyIsAConflictInTheContractsShape() {
    idempotency.apply(post("k2", Steps.ORDER, "sk_a"), respond);
    Reply conflict =
        idempotency.apply(post("k2", Steps.ORDER.replace("2}", "3}"), "sk_a"), respond);
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.body()).contains("idempotency-key-reused");
    assertThat(answered).hasValue(1);
  }

  @Test
  void keysAreScopedToTheCredentialAndExpireAfterADayOnTheClock() {
    idempotency.apply(post("k3", Steps.ORDER, "sk_a"), respond);
    idempotency.apply(post("k3", Steps.ORDER, "sk_b"), respond);
    assertThat(answered).hasValue(2);
    clock.advance(Duration.ofHours(25));
    Reply fresh = idempotency.apply(post("k3", Steps.ORDER, "sk_a"), respond);
    assertThat(answered).hasValue(3);
    assertThat(fresh.header("Idempotent-Replayed")).isNull();
  }

  @Test
  void aFailedAnswerIsNotRemembered() {
    Function<Exchange, Reply> failing = ex -> Reply.of(503);
    idempotency.apply(post("k4", Steps.ORDER, "sk_a"), failing);
    idempotency.apply(post("k4", Steps.ORDER, "sk_a"), respond);
    assertThat(answered).hasValue(1);
  }

  @Test
  void postAndPatchTakeTheDraftsHeaderWhenTheContractDeclaresNoneAndPutDoesNot() {
    ContractVersion undeclared = Steps.version("openapi/3.0/errors.yaml");
    assertThat(Idempotency.header(Steps.operation(undeclared, "createWidget")))
        .isEqualTo("Idempotency-Key");
    assertThat(Idempotency.header(Steps.operation(undeclared, "updateWidget")))
        .isEqualTo("Idempotency-Key");
    assertThat(Idempotency.header(Steps.operation(undeclared, "getWidget"))).isNull();
    assertThat(Idempotency.header(Steps.operation(SHOP, "createOrder")))
        .isEqualTo("Idempotency-Key");
  }

  @Test
  void xIdempotencyStillNamesTheHeaderAndTheDraftsHeaderThenCountsForNothing() {
    ContractVersion v = Steps.version("openapi/3.0/errors.yaml");
    assertThat(Idempotency.header(Steps.operation(v, "createKeyed"))).isEqualTo("X-Request-Key");
    Function<HttpCall, Exchange> post = c -> Steps.exchange(v, c, "sk_a");
    String body = "{\"name\":\"w\",\"size\":1}";
    idempotency.apply(post.apply(call("POST", "/keyed", body, "Idempotency-Key", "d")), respond);
    idempotency.apply(post.apply(call("POST", "/keyed", body, "Idempotency-Key", "d")), respond);
    assertThat(answered).hasValue(2);
    idempotency.apply(post.apply(call("POST", "/keyed", body, "X-Request-Key", "r")), respond);
    Reply again =
        idempotency.apply(post.apply(call("POST", "/keyed", body, "X-Request-Key", "r")), respond);
    assertThat(answered).hasValue(3);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
  }
}
