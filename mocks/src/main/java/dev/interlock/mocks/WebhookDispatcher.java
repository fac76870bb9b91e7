package dev.interlock.mocks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Delivers events to registered webhooks over HTTP, at least once: every attempt is a POST of the
 * payload with the message's headers, a signature header ({@code PREFIX + hex HMAC-SHA256(secret,
 * raw body)}) and, when the contract has one, an attempt-number header. A non-2xx answer or no
 * answer is retried after the {@link WebhookOptions#backoff()} on the clock; duplicates and
 * out-of-order delivery are seeded. Thread-safe.
 *
 * <p>Time is the clock's: {@link #deliverDue()} sends what is due now; with {@link
 * WebhookOptions#autoDeliver()} a daemon thread calls it whenever something falls due.
 */
public final class WebhookDispatcher implements AutoCloseable {

  /**
   * Where the per-attempt values go.
   *
   * @param signatureHeader the header that carries the signature
   * @param signaturePrefix written before the hex digest ({@code sha256=})
   * @param attemptHeader the header that carries the attempt number (1, 2, ...), or null
   */
  public record Signing(String signatureHeader, String signaturePrefix, String attemptHeader) {
    public static final Signing DEFAULT =
        new Signing("X-Interlock-Signature", "sha256=", "X-Interlock-Delivery-Attempt");
  }

  private record Pending(
      WebhookSubscription to,
      EventMessage message,
      int attempt,
      boolean duplicate,
      Instant due,
      long seq) {}

  private static final int LOG_CAPACITY = 1000;

  private final Clock clock;
  private final double timeScale;
  private final Signing signing;
  private final HttpClient http;
  private final SplittableRandom random;
  private volatile WebhookOptions options;
  private final Map<String, WebhookSubscription> subscriptions = new ConcurrentHashMap<>();
  private final List<Pending> pending = new ArrayList<>();
  private final ArrayDeque<WebhookDelivery> log = new ArrayDeque<>();
  private final Object delivering = new Object();
  private long seq;
  private long ids;
  private Thread pump;
  private volatile boolean closed;

  public WebhookDispatcher(
      Clock clock, long seed, double timeScale, WebhookOptions options, Signing signing) {
    this.clock = clock;
    this.timeScale = timeScale;
    this.options = options;
    this.signing = signing;
    this.random = new SplittableRandom(seed ^ 0x3EB400CL);
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(options.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    if (options.autoDeliver()) {
      pump = new Thread(this::pump, "interlock-webhooks");
      pump.setDaemon(true);
      pump.start();
    }
  }

  public WebhookOptions options() {
    return options;
  }

  /** Switches duplicates, order, retries or secret for what is published from now on. */
  public void setOptions(WebhookOptions next) {
    options = next;
  }

  public Signing signing() {
    return signing;
  }

  public WebhookSubscription register(URI url, java.util.Set<String> events) {
    if (url.getScheme() == null
        || !(url.getScheme().equals("http") || url.getScheme().equals("https"))) {
      throw new IllegalArgumentException("a webhook needs an http or https URL: " + url);
    }
    if (events.isEmpty()) {
      throw new IllegalArgumentException("a webhook needs at least one event (or \"*\")");
    }
    String id;
    synchronized (pending) {
      id = "wh_" + (++ids);
    }
    WebhookSubscription s = new WebhookSubscription(id, url, events);
    subscriptions.put(id, s);
    return s;
  }

  public boolean unregister(String id) {
    return subscriptions.remove(id) != null;
  }

  public List<WebhookSubscription> subscriptions() {
    List<WebhookSubscription> out = new ArrayList<>(subscriptions.values());
    out.sort(Comparator.comparing(s -> Long.parseLong(s.id().substring(3))));
    return out;
  }

  /** Queues the message for every webhook that wants it; returns how many deliveries. */
  public int dispatch(EventMessage message) {
    WebhookOptions o = options;
    int n = 0;
    synchronized (pending) {
      for (WebhookSubscription s : subscriptions()) {
        if (!s.wants(message)) {
          continue;
        }
        pending.add(new Pending(s, message, 1, false, firstDue(o), seq++));
        n++;
        if (o.duplicateRate() > 0 && random.nextDouble() < o.duplicateRate()) {
          pending.add(new Pending(s, message, 1, true, firstDue(o), seq++));
          n++;
        }
      }
      pending.notifyAll();
    }
    return n;
  }

  private Instant firstDue(WebhookOptions o) {
    Instant now = clock.instant();
    if (!o.outOfOrder() || o.reorderWindow().isZero()) {
      return now;
    }
    long window = scaled(o.reorderWindow()).toMillis();
    return now.plusMillis(window <= 0 ? 0 : random.nextLong(window + 1));
  }

  private Duration scaled(Duration d) {
    return Duration.ofNanos((long) (d.toNanos() * timeScale));
  }

  /**
   * Sends every delivery due on the clock now, one after the other, and queues the retries of those
   * that failed. Returns the attempts made.
   */
  public List<WebhookDelivery> deliverDue() {
    synchronized (delivering) {
      List<Pending> due = new ArrayList<>();
      WebhookOptions o = options;
      synchronized (pending) {
        Instant now = clock.instant();
        for (var it = pending.iterator(); it.hasNext(); ) {
          Pending p = it.next();
          if (!p.due().isAfter(now)) {
            due.add(p);
            it.remove();
          }
        }
        if (o.outOfOrder()) {
          due.sort(Comparator.comparingLong(Pending::seq));
          Collections.shuffle(due, new java.util.Random(random.nextLong()));
        } else {
          due.sort(Comparator.comparing(Pending::due).thenComparingLong(Pending::seq));
        }
      }
      List<WebhookDelivery> made = new ArrayList<>();
      for (Pending p : due) {
        made.add(attempt(p, o));
      }
      return made;
    }
  }

  /** Deliveries queued and not yet sent (retries included). */
  public int pendingCount() {
    synchronized (pending) {
      return pending.size();
    }
  }

  /** When the next queued delivery falls due, or null when none is queued. */
  public Instant nextDue() {
    synchronized (pending) {
      return pending.stream().map(Pending::due).min(Comparator.naturalOrder()).orElse(null);
    }
  }

  /** The last attempts made, oldest first (bounded). */
  public List<WebhookDelivery> deliveries() {
    synchronized (log) {
      return List.copyOf(log);
    }
  }

  /** Forgets queued deliveries and the log; subscriptions stay. */
  public void clear() {
    synchronized (pending) {
      pending.clear();
    }
    synchronized (log) {
      log.clear();
    }
  }

  private WebhookDelivery attempt(Pending p, WebhookOptions o) {
    EventMessage m = p.message();
    byte[] body = m.payload().getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder b =
        HttpRequest.newBuilder(p.to().url())
            .timeout(o.timeout())
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    m.headers().forEach(b::header);
    if (!m.headers().containsKey("Content-Type")) {
      b.header("Content-Type", "application/json");
    }
    b.header(signing.signatureHeader(), signing.signaturePrefix() + sign(o.secret(), body));
    if (signing.attemptHeader() != null) {
      b.header(signing.attemptHeader(), String.valueOf(p.attempt()));
    }
    int status = 0;
    String error = null;
    try {
      status = http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = "interrupted";
    }
    boolean ok = status >= 200 && status < 300;
    boolean last = ok || p.attempt() >= o.maxAttempts();
    Instant now = clock.instant();
    if (!last) {
      synchronized (pending) {
        pending.add(
            new Pending(
                p.to(),
                m,
                p.attempt() + 1,
                p.duplicate(),
                now.plus(scaled(o.backoffBefore(p.attempt() + 1))),
                seq++));
        pending.notifyAll();
      }
    }
    WebhookDelivery d =
        new WebhookDelivery(
            m.id(), m.topic(), p.to().url(), p.attempt(), status, error, p.duplicate(), last, now);
    synchronized (log) {
      while (log.size() >= LOG_CAPACITY) {
        log.pollFirst();
      }
      log.addLast(d);
    }
    return d;
  }

  /** Lower-case hex HMAC-SHA256 of the bytes. */
  public static String sign(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private void pump() {
    while (!closed) {
      try {
        deliverDue();
        synchronized (pending) {
          Instant next = nextDueLocked();
          long wait =
              next == null ? 1000 : Math.max(1, Duration.between(clock.instant(), next).toMillis());
          if (!closed && (next == null || next.isAfter(clock.instant()))) {
            // the clock may be moved by someone else: look again at least every 100 ms
            pending.wait(Math.min(wait, 100));
          }
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // a broken delivery must not stop the others; it is in the log
      }
    }
  }

  private Instant nextDueLocked() {
    Instant min = null;
    for (Pending p : pending) {
      if (min == null || p.due().isBefore(min)) {
        min = p.due();
      }
    }
    return min;
  }

  @Override
  public void close() {
    closed = true;
    synchronized (pending) {
      pending.notifyAll();
    }
    if (pump != null) {
      pump.interrupt();
    }
  }
}
