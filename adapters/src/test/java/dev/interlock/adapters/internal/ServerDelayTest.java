package dev.interlock.adapters.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerDelayTest {

  final Clock clock = Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneOffset.UTC);

  @Test
  void readsRetryAfterInSeconds() {
    assertThat(ServerDelay.of(503, Map.of("Retry-After", List.of("2")), clock))
        .isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void readsRetryAfterAsAnHttpDate() {
    assertThat(
            ServerDelay.of(
                503, Map.of("retry-after", List.of("Tue, 24 Nov 2026 09:00:07 GMT")), clock))
        .isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void readsRateLimitResetOnA429() {
    assertThat(
            ServerDelay.of(
                429, Map.of("Retry-After", List.of("1"), "RateLimit-Reset", List.of("3")), clock))
        .isEqualTo(Duration.ofSeconds(3));
    assertThat(ServerDelay.of(200, Map.of("RateLimit-Reset", List.of("3")), clock)).isZero();
  }

  @Test
  void tokenBucketMakesTheSixthCallInOneSecondWait() {
    TokenBucket b = new TokenBucket(5, Duration.ofSeconds(1), clock);
    for (int i = 0; i < 5; i++) {
      assertThat(b.reserve()).isZero();
    }
    assertThat(b.reserve()).isEqualTo(Duration.ofMillis(200));
  }
}
