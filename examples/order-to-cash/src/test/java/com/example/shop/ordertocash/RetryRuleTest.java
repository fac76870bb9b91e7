package com.example.shop.ordertocash;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryRuleTest {

  private final RetryRule rule =
      new RetryRule(4, Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofSeconds(5));

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 402, 403, 404, 409, 422})
  void neverRetriesARequestRefusedForWhatItIs(int status) {
    assertThat(rule.isTransient(status)).isFalse();
    assertThat(rule.delayAfter(1, status, Optional.empty())).isEmpty();
    assertThat(rule.delayAfter(1, status, Optional.of(Duration.ofSeconds(1)))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {RetryRule.NO_ANSWER, 429, 500, 502, 503, 504})
  void retriesWhatMaySucceedLater(int status) {
    assertThat(rule.isTransient(status)).isTrue();
    assertThat(rule.delayAfter(1, status, Optional.empty())).isPresent();
  }

  @Test
  void waitsWhatRetryAfterAsksInsteadOfItsOwnBackoff() {
    assertThat(rule.delayAfter(1, 429, Optional.of(Duration.ofSeconds(2))))
        .contains(Duration.ofSeconds(2));
    assertThat(rule.delayAfter(1, 503, Optional.of(Duration.ZERO))).contains(Duration.ZERO);
  }

  @Test
  void doublesItsBackoffUpToTheCap() {
    assertThat(rule.delayAfter(1, 503, Optional.empty())).contains(Duration.ofMillis(100));
    assertThat(rule.delayAfter(2, 503, Optional.empty())).contains(Duration.ofMillis(200));
    assertThat(rule.delayAfter(3, 503, Optional.empty())).contains(Duration.ofMillis(300));
  }

  @Test
  void stopsAfterTheLastAttempt() {
    assertThat(rule.delayAfter(4, 503, Optional.empty())).isEmpty();
    assertThat(rule.delayAfter(4, 429, Optional.of(Duration.ofSeconds(1)))).isEmpty();
  }

  @Test
  void aRetryAfterLongerThanTheWebhookCanWaitEndsTheAttempts() {
    assertThat(rule.delayAfter(1, 503, Optional.of(Duration.ofSeconds(30)))).isEmpty();
  }
}
