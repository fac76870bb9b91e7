package dev.interlock.verifiers.checks;

import dev.interlock.adapters.ordersync.OrderSyncOptions;
import dev.interlock.adapters.ordersync.OrderSyncOutcome;
import dev.interlock.adapters.ordersync.OrderSyncRun;
import dev.interlock.core.Diagnostic;
import dev.interlock.core.SourceLocation;
import dev.interlock.core.run.CheckResult;
import dev.interlock.core.run.Evidence;
import dev.interlock.kafka.KafkaOrderFeedBroker;
import dev.interlock.verifiers.Check;
import dev.interlock.verifiers.CheckCase;
import dev.interlock.verifiers.Results;
import dev.interlock.verifiers.VerificationContext;
import dev.interlock.verifiers.ordersync.MocksSandboxLauncher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** {@code adapter.exactly-once}: the reference adapter under chaos leaves every effect once. */
final class ExactlyOnceCheck implements Check {
  static final String ID = "adapter.exactly-once";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "after a chaos run (flaky sandboxes, duplicate and out-of-order deliveries, a crash and restart), every order's charge, journal entry and shipment exists exactly once; nothing lost, dead letters accounted for";
  }

  @Override
  public List<CheckCase> plan(VerificationContext context) {
    boolean hasOrderSync =
        context.manifest().map(m -> m.adapters().containsKey("order-sync")).orElse(false);
    if (!hasOrderSync) {
      return List.of();
    }
    String name = "order-sync: 60 orders, flaky, 20% duplicates, crash after 70 side effects";
    List<CheckCase> cases = new ArrayList<>();
    cases.add(
        new CheckCase(
            ID,
            name,
            () -> run(context, name, o -> OrderSyncRun.run(o, new MocksSandboxLauncher()))));
    context
        .options()
        .kafka()
        .ifPresent(
            bootstrap -> {
              String onKafka =
                  "order-sync: 60 orders, flaky, 20% duplicates, a consumer killed after 70 side"
                      + " effects, a second one joining, on Kafka";
              cases.add(
                  new CheckCase(
                      ID,
                      onKafka,
                      () ->
                          run(
                              context,
                              onKafka,
                              o ->
                                  OrderSyncRun.runOnFeed(
                                      o,
                                      new MocksSandboxLauncher(),
                                      KafkaOrderFeedBroker.feeds(bootstrap),
                                      2,
                                      line -> {}))));
            });
    return cases;
  }

  private CheckResult run(
      VerificationContext context, String name, Function<OrderSyncOptions, OrderSyncOutcome> run) {
    Results r = Results.of(ID, name).label("adapter", "order-sync").label("scenario", "flaky");
    int orders = 60;
    OrderSyncOutcome o;
    try {
      o =
          run.apply(
              OrderSyncOptions.of(
                      context.options().contracts(),
                      orders,
                      "flaky",
                      context.seed(),
                      Files.createTempDirectory("interlock-exactly-once-"))
                  .withDuplicates(0.2)
                  .withKillAfter(70));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalArgumentException | IllegalStateException e) {
      // the broker cannot be reached or the contracts name no topic: nothing ran
      return r.failed("order-sync could not run: " + e.getMessage());
    }
    r.evidence(Evidence.json("outcome", o.toJson()));
    Map<String, Map<String, Integer>> ledger = o.ledger();
    check(r, ledger, "payments", "charges", orders - o.deadLetters().size());
    check(r, ledger, "accounting", "journal-entries", orders - o.deadLetters().size());
    check(r, ledger, "fulfilment", "shipments", orders - o.deadLetters().size());
    if (o.ordersSynced() + o.deadLetters().size() != orders) {
      r.finding(
          Diagnostic.error(
                  ID,
                  (orders - o.ordersSynced() - o.deadLetters().size())
                      + " order(s) neither synced nor dead-lettered: lost")
              .at(SourceLocation.of(context.options().contracts().resolve("interlock.yaml")))
              .build());
    }
    return r.verdict(
        o.ordersSynced()
            + " of "
            + orders
            + " orders synced exactly once ("
            + o.retries()
            + " retries, "
            + o.restarts()
            + " restart(s), "
            + o.duplicatesIgnored()
            + " duplicates ignored, "
            + o.deadLetters().size()
            + " dead letters)",
        "the ledger does not hold every order's effects exactly once");
  }

  private static void check(
      Results r,
      Map<String, Map<String, Integer>> ledger,
      String vendor,
      String collection,
      int expected) {
    int actual = ledger.getOrDefault(vendor, Map.of()).getOrDefault(collection, 0);
    if (actual != expected) {
      r.finding(
          Diagnostic.error(
                  ID,
                  vendor + " holds " + actual + " " + collection + " for " + expected + " orders")
              .at(SourceLocation.of(Path.of("interlock.yaml")))
              .expected(expected + " " + collection)
              .actual(String.valueOf(actual))
              .build());
    }
  }
}
