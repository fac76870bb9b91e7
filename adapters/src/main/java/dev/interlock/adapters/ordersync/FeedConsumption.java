package dev.interlock.adapters.ordersync;

import dev.interlock.adapters.ordersync.OrderSync.Ack;
import dev.interlock.adapters.ordersync.OrderSync.Delivery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * order-sync pulling its orders from an {@link OrderFeedBroker}: members of one consumer group,
 * each an order-sync of its own over the shared journal, drained in turn on this thread ({@link
 * FeedDrain}: a batch is committed only once all of it is journalled). A second member joins once
 * the first has committed a batch (the group rebalances); a member killed mid-batch ({@link
 * KillSwitch}) leaves without committing and a fresh one takes its place. The run is over when the
 * group has committed everything published.
 */
final class FeedConsumption {

  private static final Duration POLL = Duration.ofMillis(200);

  private final OrderFeedBroker broker;
  private final int members;
  private final KillSwitch kill;
  private final Function<OrderSync.CrashPoint, Function<Delivery, Ack>> newSync;
  private final RunCounters counters;
  private final Consumer<String> log;
  private final List<Member> group = new ArrayList<>();

  /**
   * @param members how many members the group grows to (1: no rebalance but the restart's)
   * @param newSync order-sync over the run's journal, with a crash point ({@link OrderSync#handle})
   */
  FeedConsumption(
      OrderFeedBroker broker,
      int members,
      KillSwitch kill,
      Function<OrderSync.CrashPoint, Function<Delivery, Ack>> newSync,
      RunCounters counters,
      Consumer<String> log) {
    this.broker = broker;
    this.members = members;
    this.kill = kill;
    this.newSync = newSync;
    this.counters = counters;
    this.log = log;
  }

  /**
   * Drains the feed until the group has committed every event published.
   *
   * @return false when {@code bound} passed first
   */
  boolean drain(Duration bound) {
    long deadline = System.nanoTime() + bound.toNanos();
    boolean someCommitted = false;
    try {
      join();
      while (System.nanoTime() < deadline) {
        int delivered = 0;
        for (Member m : List.copyOf(group)) {
          FeedDrain.BatchResult r;
          try {
            r = m.drain.drainBatch(POLL);
          } catch (OrderSync.SimulatedCrash crash) {
            log.accept("order-sync: " + crash.getMessage() + "; a fresh member takes its place");
            group.remove(m);
            m.feed.close(); // without a commit: the batch is delivered again
            counters.restarts++;
            join();
            continue;
          }
          delivered += r.delivered();
          if (!r.committed()) {
            // what was handled and not kept comes again: the whole batch when the commit failed,
            // up to and including the delivery a vendor turned away (RETRY_LATER) when rewound
            counters.redeliveries += Math.min(r.delivered(), r.handled() + 1) - r.kept();
          }
          someCommitted |= r.committed() && r.handled() > 0;
        }
        if (someCommitted && group.size() < members) {
          log.accept("order-sync: member " + (group.size() + 1) + " joins the group");
          join();
        }
        if (delivered == 0 && broker.backlog() == 0) {
          return true;
        }
      }
      return false;
    } finally {
      group.forEach(m -> m.feed.close());
      group.clear();
    }
  }

  private void join() {
    Function<Delivery, Ack> sync = newSync.apply(kill.arm());
    OrderFeed feed = broker.join();
    group.add(new Member(feed, new FeedDrain(feed, d -> counted(sync.apply(d)))));
  }

  private Ack counted(Ack ack) {
    counters.deliveries++;
    if (ack == Ack.DUPLICATE) {
      counters.duplicates++;
    }
    return ack;
  }

  private record Member(OrderFeed feed, FeedDrain drain) {}
}
