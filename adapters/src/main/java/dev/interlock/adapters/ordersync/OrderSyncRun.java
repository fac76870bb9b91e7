package dev.interlock.adapters.ordersync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.interlock.adapters.AdapterEvent;
import dev.interlock.adapters.AdapterRuntime;
import dev.interlock.adapters.Credentials;
import dev.interlock.adapters.PolicyOverrides;
import dev.interlock.adapters.SecretResolver;
import dev.interlock.adapters.Sleeper;
import dev.interlock.adapters.VirtualTime;
import dev.interlock.adapters.ordersync.OrderSync.Ack;
import dev.interlock.adapters.ordersync.internal.OrderFactory;
import dev.interlock.clients.events.internal_events.OrderSynced;
import dev.interlock.core.ContractLoader;
import dev.interlock.core.ContractSet;
import dev.interlock.core.LoadOptions;
import dev.interlock.core.manifest.Manifest;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * {@code interlock run order-sync}: starts the vendor sandboxes (through a {@link
 * SandboxLauncher}), the order-sync webhook endpoint on loopback, and plays the storefront: N
 * generated {@code order.created} events, signed, delivered at least once (duplicates and
 * re-deliveries in shuffled order), re-delivered until acknowledged. Runs on virtual time, where
 * waits cost no wall time, when the sandboxes share the run's clock; on real time when they keep
 * their own ({@link SandboxLauncher#followsRunClock()}).
 *
 * <p>Sandbox credentials are generated into {@code <stateDir>/sandbox-secrets.properties}
 * (owner-only) by the first run in a state folder and reused by every later one, and resolved
 * through the manifest's references from that file only — never from the environment, so real keys
 * are never sent to a sandbox. A run resumed after a crash thus presents the same credentials, and
 * the sandboxes, which scope idempotency keys to the credential, replay what it repeats.
 */
public final class OrderSyncRun {

  private static final Instant ORIGIN = Instant.parse("2026-11-24T09:00:00Z");
  private static final int MAX_DELIVERIES_PER_EVENT = 12;

  private OrderSyncRun() {}

  public static OrderSyncOutcome run(OrderSyncOptions options, SandboxLauncher launcher) {
    return run(options, launcher, line -> {});
  }

  /**
   * @param log receives redacted log lines (one per adapter event, plus run notes)
   */
  public static OrderSyncOutcome run(
      OrderSyncOptions options, SandboxLauncher launcher, Consumer<String> log) {
    long wall0 = System.nanoTime();
    ContractSet contracts =
        new ContractLoader(LoadOptions.forRoot(options.contractsDir().toAbsolutePath()))
            .loadAll(List.of(options.contractsDir().toAbsolutePath()));
    Manifest manifest =
        contracts
            .manifest()
            .orElseThrow(
                () ->
                    new IllegalArgumentException("no interlock.yaml in " + options.contractsDir()));
    Manifest.Adapter adapter = manifest.adapters().get("order-sync");
    if (adapter == null) {
      throw new IllegalArgumentException("the manifest declares no adapter 'order-sync'");
    }
    String fulfilment =
        options.fulfilmentVersion() != null
            ? options.fulfilmentVersion()
            : adapter.uses().getOrDefault("fulfilment", "v2");
    Map<String, String> vendors = new LinkedHashMap<>();
    vendors.put("payments", adapter.uses().getOrDefault("payments", "2025-01-15"));
    vendors.put("accounting", adapter.uses().getOrDefault("accounting", "v1"));
    vendors.put("fulfilment", fulfilment);

    Path state = options.stateDir();
    Path secretsFile = writeSandboxSecrets(manifest, state);
    SecretResolver secrets = SecretResolver.fromSecretsFile(secretsFile, manifest.root());
    Map<String, Credentials> credentials = new LinkedHashMap<>();
    for (String v : vendors.keySet()) {
      credentials.put(v, Credentials.fromManifest(manifest.vendors().get(v).auth(), secrets));
    }
    String webhookRef =
        manifest.events().values().stream()
            .filter(e -> e.signing() != null && e.signing().has("secret"))
            .map(e -> e.signing().get("secret").asText())
            .findFirst()
            .orElse("env:STOREFRONT_WEBHOOK_SECRET");
    WebhookSignature signature = new WebhookSignature(secrets.resolve(webhookRef));

    // virtual time when the sandboxes move with it; real time when they keep their own clock
    VirtualTime virtual = launcher.followsRunClock() ? VirtualTime.startingAt(ORIGIN) : null;
    Clock clock = virtual != null ? virtual.clock() : Clock.systemUTC();
    Sleeper sleeper = virtual != null ? virtual.sleeper() : Sleeper.real();
    Counters counters = new Counters();
    Map<String, OrderSynced> emitted = new ConcurrentHashMap<>();

    try (SandboxLauncher.Sandboxes sandboxes =
        launcher.start(
            new SandboxLauncher.Request(
                contracts, vendors, options.scenario(), options.seed(), clock, credentials))) {
      AdapterRuntime.Builder rb =
          AdapterRuntime.builder("order-sync")
              .clock(clock)
              .sleeper(sleeper)
              .seed(options.seed())
              .listener(counters)
              .log(log);
      for (String v : vendors.keySet()) {
        rb.endpoint(v, sandboxes.baseUrl(v));
        rb.credentials(v, credentials.get(v));
        rb.overrides(v, PolicyOverrides.fromManifest(manifest.vendors().get(v).policy()));
      }
      AdapterRuntime runtime = rb.build();
      log.accept(
          "order-sync: "
              + options.orders()
              + " orders, scenario "
              + options.scenario()
              + ", seed "
              + options.seed()
              + ", fulfilment "
              + fulfilment
              + ", state "
              + state
              + (virtual != null ? "" : ", real time (the sandboxes keep their own clock)"));

      // the storefront's outbox: every event, some twice, in a seeded shuffled order; created at
      // ORIGIN whatever the clock, so a run resumed in another process delivers the same events
      OrderFactory factory = new OrderFactory(options.seed());
      Random random = new Random(options.seed() ^ 0x5EEDL);
      List<Event> events = new ArrayList<>();
      for (int i = 0; i < options.orders(); i++) {
        ObjectNode order = factory.next(1000 + i, ORIGIN);
        byte[] body = order.toString().getBytes(StandardCharsets.UTF_8);
        Event e = new Event(UUID.nameUUIDFromBytes(body).toString(), body, signature.sign(body));
        events.add(e);
        if (random.nextDouble() < options.duplicates()) {
          events.add(e);
        }
      }
      Collections.shuffle(events, random);
      Deque<Event> queue = new ArrayDeque<>(events);
      Map<Event, Integer> tries = new LinkedHashMap<>();

      AtomicInteger sideEffects = new AtomicInteger();
      Endpoint endpoint = null;
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      Set<String> acked = ConcurrentHashMap.newKeySet();
      try {
        while (!queue.isEmpty()) {
          if (endpoint == null) {
            AtomicBoolean crashed = new AtomicBoolean();
            boolean armCrash = options.killAfter() > 0 && counters.restarts == 0;
            OrderSync.CrashPoint crash =
                armCrash
                    ? (orderId, step) -> {
                      if (sideEffects.incrementAndGet() == options.killAfter()) {
                        crashed.set(true);
                        throw new OrderSync.SimulatedCrash(
                            "killed after side effect "
                                + options.killAfter()
                                + " ("
                                + step
                                + " of "
                                + orderId
                                + ")");
                      }
                    }
                    : OrderSync.CrashPoint.never();
            ProgressStore store = ProgressStore.open(state);
            OrderSync sync =
                new OrderSync(
                    runtime,
                    fulfilment,
                    store,
                    signature,
                    s -> emitted.putIfAbsent(OrderSync.eventId(s.getOrderId()), s),
                    crash);
            endpoint = Endpoint.start(sync, store, crashed);
          }
          Event e = queue.poll();
          int n = tries.merge(e, 1, Integer::sum);
          counters.deliveries++;
          int status = endpoint.deliver(http, e, n);
          if (endpoint.crashed.get()) {
            log.accept("order-sync: simulated crash; restarting from " + state);
            endpoint.stop();
            endpoint = null;
            counters.restarts++;
          }
          if (status == 200 || status == 202 || status == 401) {
            if (!acked.add(e.id())) {
              counters.duplicates++;
            } else if (status == 200 && endpoint != null && endpoint.lastAck == Ack.DUPLICATE) {
              counters.duplicates++;
            }
          } else if (n < MAX_DELIVERIES_PER_EVENT) {
            counters.redeliveries++;
            queue.add(e);
          }
        }
      } finally {
        if (endpoint != null) {
          endpoint.stop();
        }
      }

      ProgressStore store = ProgressStore.open(state);
      int synced = store.count(ProgressStore.Step.SYNCED);
      List<String> dead = store.deadLetters();
      store.close();
      Map<String, Map<String, Integer>> ledger = new LinkedHashMap<>();
      for (String v : vendors.keySet()) {
        ledger.put(v, sandboxes.ledger(v));
      }
      return new OrderSyncOutcome(
          options.seed(),
          options.scenario(),
          fulfilment,
          options.orders(),
          synced,
          counters.deliveries,
          counters.duplicates,
          counters.redeliveries,
          counters.restarts,
          counters.attempts,
          counters.retries,
          counters.waits,
          counters.waited.toMillis(),
          dead,
          emitted.size(),
          ledger,
          virtual != null,
          virtual != null ? virtual.elapsed().toMillis() : 0,
          (System.nanoTime() - wall0) / 1_000_000);
    }
  }

  private record Event(String id, byte[] body, String signature) {}

  private static final class Counters implements dev.interlock.adapters.AdapterListener {
    int deliveries;
    int duplicates;
    int redeliveries;
    int restarts;
    int attempts;
    int retries;
    int waits;
    Duration waited = Duration.ZERO;

    @Override
    public synchronized void on(AdapterEvent event) {
      if (event instanceof AdapterEvent.AttemptStarted a) {
        attempts++;
        if (a.attempt() > 1) {
          retries++;
        }
      } else if (event instanceof AdapterEvent.WaitScheduled w) {
        waits++;
        waited = waited.plus(w.duration());
      }
    }
  }

  /** The order-sync webhook endpoint: {@code POST /webhooks/storefront} on loopback. */
  private static final class Endpoint {
    private final HttpServer server;
    private final ProgressStore store;
    private final AtomicBoolean crashed;
    private volatile Ack lastAck;

    private Endpoint(HttpServer server, ProgressStore store, AtomicBoolean crashed) {
      this.server = server;
      this.store = store;
      this.crashed = crashed;
    }

    static Endpoint start(OrderSync sync, ProgressStore store, AtomicBoolean crashed) {
      try {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        Endpoint ep = new Endpoint(server, store, crashed);
        server.createContext(
            "/webhooks/storefront",
            ex -> {
              try (InputStream in = ex.getRequestBody()) {
                byte[] body = in.readAllBytes();
                var h = ex.getRequestHeaders();
                Ack ack;
                try {
                  ack =
                      sync.handle(
                          new OrderSync.Delivery(
                              h.getFirst("X-Storefront-Event-Id"),
                              h.getFirst("X-Storefront-Topic"),
                              body,
                              h.getFirst(WebhookSignature.HEADER)));
                } catch (OrderSync.SimulatedCrash crash) {
                  // a dead process answers nothing
                  ex.close();
                  return;
                }
                ep.lastAck = ack;
                ex.sendResponseHeaders(ack.status, -1);
              } catch (RuntimeException e) {
                ex.sendResponseHeaders(500, -1);
              } finally {
                ex.close();
              }
            });
        server.start();
        return ep;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the order-sync webhook endpoint", e);
      }
    }

    int deliver(HttpClient http, Event e, int attempt) {
      URI uri =
          URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks/storefront");
      HttpRequest request =
          HttpRequest.newBuilder(uri)
              .timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/json")
              .header("X-Storefront-Event-Id", e.id())
              .header("X-Storefront-Topic", "order.created")
              .header("X-Storefront-Delivery-Attempt", String.valueOf(attempt))
              .header(WebhookSignature.HEADER, e.signature())
              .POST(HttpRequest.BodyPublishers.ofByteArray(e.body()))
              .build();
      try {
        lastAck = null;
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (IOException ex) {
        return 0;
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        return 0;
      }
    }

    void stop() {
      server.stop(0);
      store.close();
    }
  }

  /**
   * The sandbox credentials of the state folder: the sandbox accepts exactly these; they exist only
   * in this file. Generated by the first run; a later run (a restart after a crash) reuses them and
   * adds only what is missing, so its idempotency keys are in the same credential's scope.
   */
  static Path writeSandboxSecrets(Manifest manifest, Path state) {
    SecureRandom random = new SecureRandom();
    Path file = state.resolve("sandbox-secrets.properties");
    Properties p = new Properties();
    try {
      Files.createDirectories(state);
      if (Files.isRegularFile(file)) {
        try (Reader r = Files.newBufferedReader(file)) {
          p.load(r);
        }
      }
      boolean added = false;
      for (Manifest.Vendor v : manifest.vendors().values()) {
        for (Map.Entry<String, String> s : v.auth().settings().entrySet()) {
          String value = s.getKey().equals("clientId") ? "order-sync" : "sbx_" + hex(random);
          added |= putIfAbsent(p, s.getValue(), value);
        }
      }
      for (Manifest.EventSystem e : manifest.events().values()) {
        if (e.signing() != null && e.signing().has("secret")) {
          added |= putIfAbsent(p, e.signing().get("secret").asText(), "whsec_" + hex(random));
        }
      }
      if (added) {
        // written aside and moved in, so a crash never leaves half a file to be reused
        Path fresh = state.resolve("sandbox-secrets.properties.new");
        Files.deleteIfExists(fresh);
        try {
          Files.createFile(
              fresh,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
          Files.createFile(fresh);
        }
        try (Writer w = Files.newBufferedWriter(fresh)) {
          p.store(w, "interlock order-sync sandbox credentials (generated for this state folder)");
        }
        Files.move(
            fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean putIfAbsent(Properties p, String reference, String value) {
    if (reference != null && reference.startsWith("env:")) {
      return p.putIfAbsent(reference.substring(4), value) == null;
    }
    return false;
  }

  private static String hex(SecureRandom r) {
    byte[] b = new byte[16];
    r.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
