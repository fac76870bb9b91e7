package dev.interlock.adapters.ordersync;

import dev.interlock.adapters.AdapterRuntime;
import dev.interlock.adapters.Credentials;
import dev.interlock.adapters.PolicyOverrides;
import dev.interlock.adapters.SecretResolver;
import dev.interlock.adapters.Sleeper;
import dev.interlock.adapters.VirtualTime;
import dev.interlock.clients.events.internal_events.OrderSynced;
import dev.interlock.core.ContractLoader;
import dev.interlock.core.ContractSet;
import dev.interlock.core.LoadOptions;
import dev.interlock.core.manifest.Manifest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * {@code interlock run order-sync}: starts the vendor sandboxes (through a {@link
 * SandboxLauncher}), plays the storefront — N generated {@code order.created} events, signed, some
 * twice, in a seeded shuffled order — and lets order-sync handle them: pushed to its webhook on
 * loopback ({@link WebhookDeliveries}), or published to a broker it consumes as a group ({@link
 * #runOnFeed}, {@link FeedConsumption}). Runs on virtual time, where waits cost no wall time, when
 * the sandboxes share the run's clock; on real time when they keep their own ({@link
 * SandboxLauncher#followsRunClock()}).
 *
 * <p>Sandbox credentials are generated into {@code <stateDir>/sandbox-secrets.properties}
 * (owner-only) by the first run in a state folder and reused by every later one, and resolved
 * through the manifest's references from that file only — never from the environment, so real keys
 * are never sent to a sandbox. A run resumed after a crash thus presents the same credentials, and
 * the sandboxes, which scope idempotency keys to the credential, replay what it repeats.
 */
public final class OrderSyncRun {

  private static final Instant ORIGIN = Instant.parse("2026-11-24T09:00:00Z");

  /** How long a feed-driven run may take before it gives up waiting for the broker. */
  private static final Duration FEED_BOUND = Duration.ofMinutes(10);

  private OrderSyncRun() {}

  public static OrderSyncOutcome run(OrderSyncOptions options, SandboxLauncher launcher) {
    return run(options, launcher, line -> {});
  }

  /**
   * @param log receives redacted log lines (one per adapter event, plus run notes)
   */
  public static OrderSyncOutcome run(
      OrderSyncOptions options, SandboxLauncher launcher, Consumer<String> log) {
    return run(options, launcher, null, 1, log);
  }

  /**
   * The run on a feed: the storefront publishes its events to the broker {@code feeds} opens, and
   * order-sync consumes them as a group growing to {@code members} members, emitting {@code
   * order.synced} to the same broker.
   */
  public static OrderSyncOutcome runOnFeed(
      OrderSyncOptions options,
      SandboxLauncher launcher,
      OrderFeedBroker.Factory feeds,
      int members,
      Consumer<String> log) {
    if (members < 1) {
      throw new IllegalArgumentException("a consumer group needs at least one member");
    }
    return run(options, launcher, feeds, members, log);
  }

  private static OrderSyncOutcome run(
      OrderSyncOptions options,
      SandboxLauncher launcher,
      OrderFeedBroker.Factory feeds,
      int members,
      Consumer<String> log) {
    long wall0 = System.nanoTime();
    Path root = options.contractsDir().toAbsolutePath();
    ContractSet contracts = new ContractLoader(LoadOptions.forRoot(root)).loadAll(List.of(root));
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
    SecretResolver secrets =
        SecretResolver.fromSecretsFile(SandboxSecrets.write(manifest, state), manifest.root());
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
    RunCounters counters = new RunCounters();
    Set<String> emitted = ConcurrentHashMap.newKeySet();

    try (SandboxLauncher.Sandboxes sandboxes =
            launcher.start(
                new SandboxLauncher.Request(
                    contracts, vendors, options.scenario(), options.seed(), clock, credentials));
        OrderFeedBroker broker = feeds == null ? null : feeds.open(contracts, manifest)) {
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
              + (broker != null ? ", " + broker.describe() : ", webhook on loopback")
              + (virtual != null ? "" : ", real time (the sandboxes keep their own clock)"));

      List<StorefrontOutbox.Event> events =
          StorefrontOutbox.events(
              options.orders(), options.duplicates(), options.seed(), ORIGIN, signature);
      KillSwitch kill = new KillSwitch(options.killAfter());
      if (broker == null) {
        Consumer<OrderSynced> recorded = s -> emitted.add(OrderSync.eventId(s.getOrderId()));
        WebhookDeliveries.deliver(
            events,
            state,
            kill,
            (store, crash) -> new OrderSync(runtime, fulfilment, store, signature, recorded, crash),
            counters,
            log);
      } else {
        broker.publish(
            events.stream()
                .map(e -> new OrderFeedBroker.Event(e.id(), e.headers(1), e.body()))
                .toList());
        SyncedEventSink sink = broker.syncedEvents();
        Consumer<OrderSynced> published =
            SyncedEventSink.asJson(
                (orderId, eventId, json) -> {
                  sink.publish(orderId, eventId, json);
                  emitted.add(eventId);
                });
        try (ProgressStore store = ProgressStore.open(state)) {
          boolean done =
              new FeedConsumption(
                      broker,
                      members,
                      kill,
                      crash ->
                          new OrderSync(runtime, fulfilment, store, signature, published, crash)
                              ::handle,
                      counters,
                      log)
                  .drain(FEED_BOUND);
          if (!done) {
            log.accept("order-sync: the feed was not drained within " + FEED_BOUND);
          }
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
          broker != null ? broker.describe() : "webhook on loopback",
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
}
