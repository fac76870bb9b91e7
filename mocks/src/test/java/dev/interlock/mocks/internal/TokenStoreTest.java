package dev.interlock.mocks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.mocks.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenStoreTest {

  @Test
  void tokensLongExpiredAreForgottenOnceManyWereIssuedAndRecentOnesStillSayExpired() {
    ManualClock clock = ManualClock.startingAt(Instant.parse("2026-11-24T09:00:00Z"));
    TokenStore tokens = new TokenStore(clock, 1);
    String first = tokens.issue(Duration.ofMinutes(1));
    for (int i = 1; i < 10_000; i++) {
      tokens.issue(Duration.ofMinutes(1));
    }
    clock.advance(Duration.ofHours(2));
    String recent = tokens.issue(Duration.ofMinutes(1));
    clock.advance(Duration.ofMinutes(5));

    tokens.issue(Duration.ofMinutes(1)); // the 10,002nd: purges the 10,000 expired two hours ago

    assertThat(tokens.state(first)).isEqualTo(TokenStore.State.UNKNOWN);
    assertThat(tokens.state(recent)).isEqualTo(TokenStore.State.EXPIRED);
  }

  @Test
  void tokensStillValidAreNeverForgotten() {
    ManualClock clock = ManualClock.startingAt(Instant.parse("2026-11-24T09:00:00Z"));
    TokenStore tokens = new TokenStore(clock, 1);
    String first = tokens.issue(Duration.ofDays(1));
    for (int i = 0; i < 20_000; i++) {
      tokens.issue(Duration.ofDays(1));
    }

    assertThat(tokens.state(first)).isEqualTo(TokenStore.State.VALID);
    assertThat(tokens.clientOf(first)).isNull();
  }
}
