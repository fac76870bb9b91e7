package dev.interlock.mocks.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/** OAuth 2 access tokens issued by the sandbox's token endpoint, with expiry on the clock. */
public final class TokenStore {

  /** Whether a token is known and still valid. */
  public enum State {
    VALID,
    EXPIRED,
    UNKNOWN
  }

  private static final String ALNUM =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private final Clock clock;
  private final Map<String, Instant> expiry = new ConcurrentHashMap<>();
  private final SplittableRandom random;

  public TokenStore(Clock clock, long seed) {
    this.clock = clock;
    this.random = new SplittableRandom(seed ^ 0x70C3E5L);
  }

  public synchronized String issue(Duration lifetime) {
    StringBuilder b = new StringBuilder("at_");
    for (int i = 0; i < 32; i++) {
      b.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
    }
    String token = b.toString();
    expiry.put(token, clock.instant().plus(lifetime));
    return token;
  }

  public State state(String token) {
    Instant e = expiry.get(token);
    if (e == null) {
      return State.UNKNOWN;
    }
    return clock.instant().isBefore(e) ? State.VALID : State.EXPIRED;
  }

  public void clear() {
    expiry.clear();
  }
}
