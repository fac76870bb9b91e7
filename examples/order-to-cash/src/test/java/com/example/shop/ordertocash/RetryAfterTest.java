package com.example.shop.ordertocash;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  private final Clock clock = Clock.fixed(Instant.parse("2026-11-24T09:15:00Z"), ZoneOffset.UTC);

  @Test
  void readsSeconds() {
    assertThat(RetryAfter.parse("3", clock)).contains(Duration.ofSeconds(3));
    assertThat(RetryAfter.parse(" 0 ", clock)).contains(Duration.ZERO);
  }

  @Test
  void readsAnHttpDateOnTheClock() {
    assertThat(RetryAfter.parse("Tue, 24 Nov 2026 09:15:07 GMT", clock))
        .contains(Duration.ofSeconds(7));
  }

  @Test
  void aDateInThePastMeansNow() {
    assertThat(RetryAfter.parse("Tue, 24 Nov 2026 09:14:00 GMT", clock)).contains(Duration.ZERO);
  }

  @Test
  void ignoresWhatIsNeitherSecondsNorADate() {
    assertThat(RetryAfter.parse(null, clock)).isEmpty();
    assertThat(RetryAfter.parse("", clock)).isEmpty();
    assertThat(RetryAfter.parse("-1", clock)).isEmpty();
    assertThat(RetryAfter.parse("soon", clock)).isEmpty();
    assertThat(RetryAfter.parse("99999999999999999999999", clock)).isEmpty();
  }
}
