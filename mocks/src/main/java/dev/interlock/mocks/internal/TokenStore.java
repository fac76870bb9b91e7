package dev.interlock.mocks.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OAuth 2 access tokens issued by the sandbox's token endpoint, with expiry on the clock and the
 * client each was issued to.
 */
public final class TokenStore {

  /** Whether a token is known and still valid. */
  public enum State {
    VALID,
    EXPIRED,
    UNKNOWN
  }

  private static final String ALNUM =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private static final int PURGE_AT = 10_000;
  private static final Duration EXPIRED_KEPT = Duration.ofHours(1);

  private final Clock clock;
  private int purgeAt = PURGE_AT;

  private record Issued(Instant expiry, String client) {}

  private final Map<String, Issued> issued = new ConcurrentHashMap<>();
  private final SplittableRandom random;

  public TokenStore(Clock clock, long seed) {
    this.clock = clock;
    this.random = new SplittableRandom(seed ^ 0x70C3E5L);
  }

  public String issue(Duration lifetime) {
    return issue(lifetime, null);
  }

  /**
   * @param client the OAuth 2 client id the token is issued to (null: none, as for tokens the
   *     sandbox hands out directly)
   */
  public synchronized String issue(Duration lifetime, String client) {
    StringBuilder b = new StringBuilder("at_");
    for (int i = 0; i < 32; i++) {
      b.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
    }
    String token = b.toString();
    Instant now = clock.instant();
    if (issued.size() >= purgeAt) {
      // a long-running sandbox issues tokens without end: forget those long expired (a token
      // expired a moment ago still answers "expired", not "unknown")
      Instant cutoff = now.minus(EXPIRED_KEPT);
      issued.values().removeIf(i -> i.expiry().isBefore(cutoff));
      purgeAt = Math.max(PURGE_AT, issued.size() * 2); // amortized: no scan per token
    }
    issued.put(token, new Issued(now.plus(lifetime), client));
    return token;
  }

  public State state(String token) {
    Issued i = issued.get(token);
    if (i == null) {
      return State.UNKNOWN;
    }
    return clock.instant().isBefore(i.expiry()) ? State.VALID : State.EXPIRED;
  }

  /** The client a known token was issued to, or null. */
  public String clientOf(String token) {
    Issued i = issued.get(token);
    return i == null ? null : i.client();
  }

  public void clear() {
    issued.clear();
  }
}
