package dev.interlock.adapters.ordersync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.adapters.ordersync.OrderSync.Ack;
import dev.interlock.adapters.ordersync.OrderSync.Delivery;
import dev.interlock.adapters.ordersync.ProgressStore.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@link FeedConsumption} on an in-memory broker with one partition (so one member reads at a time,
 * as on Kafka): a member killed mid-batch leaves without committing and a fresh one reads the batch
 * again; the second member joins only after a commit; the drain ends when all is committed.
 */
class FeedConsumptionTest {

  /** One partition, one group: the oldest open member owns it and reads from the group's commit. */
  static final class OnePartitionBroker implements OrderFeedBroker {
    final List<Delivery> log = new ArrayList<>();
    final List<Member> members = new ArrayList<>();
    final List<String> joins = new ArrayList<>();
    int committed;
    int commits;

    final class Member implements OrderFeed {
      int position = -1;
      boolean open = true;

      boolean owns() {
        return members.stream().filter(m -> m.open).findFirst().orElse(null) == this;
      }

      @Override
      public List<Delivery> poll(Duration wait) {
        if (!owns()) {
          position = -1;
          return List.of();
        }
        if (position < 0) {
          position = committed; // a new owner starts at the group's commit
        }
        int end = Math.min(log.size(), position + 4);
        List<Delivery> batch = new ArrayList<>(log.subList(position, end));
        position = end;
        return batch;
      }

      @Override
      public boolean commit() {
        committed = position;
        commits++;
        return true;
      }

      @Override
      public void rewind() {
        position = committed;
      }

      @Override
      public void close() {
        open = false;
      }
    }

    @Override
    public void publish(List<Event> events) {
      events.forEach(e -> log.add(new Delivery(e.id(), "order.created", e.body(), null)));
    }

    @Override
    public OrderFeed join() {
      joins.add("join after " + commits + " commit(s)");
      Member m = new Member();
      members.add(m);
      return m;
    }

    @Override
    public SyncedEventSink syncedEvents() {
      return (orderId, eventId, json) -> {};
    }

    @Override
    public long backlog() {
      return log.size() - committed;
    }

    @Override
    public String describe() {
      return "one partition in memory";
    }

    @Override
    public void close() {}
  }

  private static OnePartitionBroker brokerWith(int events) {
    OnePartitionBroker broker = new OnePartitionBroker();
    List<OrderFeedBroker.Event> published = new ArrayList<>();
    for (int i = 0; i < events; i++) {
      published.add(new OrderFeedBroker.Event("evt-" + i, java.util.Map.of(), new byte[0]));
    }
    broker.publish(published);
    return broker;
  }

  /** A stand-in order-sync: one side effect per event, skipped once journalled. */
  private static Function<OrderSync.CrashPoint, Function<Delivery, Ack>> sync(
      Set<String> journal, List<String> handled) {
    return crash ->
        d -> {
          handled.add(d.eventId());
          if (!journal.add(d.eventId())) {
            return Ack.DUPLICATE;
          }
          crash.afterSideEffect(d.eventId(), Step.CHARGED);
          return Ack.SYNCED;
        };
  }

  @Test
  void aMemberKilledMidBatchLeavesWithoutCommittingAndAFreshMemberReadsTheBatchAgain() {
    OnePartitionBroker broker = brokerWith(10);
    Set<String> journal = new HashSet<>();
    List<String> handled = new ArrayList<>();
    RunCounters counters = new RunCounters();
    // batches of 4: the 6th side effect is the 2nd delivery of the second batch
    boolean drained =
        new FeedConsumption(
                broker, 1, new KillSwitch(6), sync(journal, handled), counters, line -> {})
            .drain(Duration.ofSeconds(10));

    assertThat(drained).isTrue();
    assertThat(counters.restarts).isOne();
    assertThat(broker.members.get(0).open).as("the killed member left").isFalse();
    assertThat(handled)
        .as("evt-4 and evt-5 handled by the killed member, then again by the fresh one")
        .containsExactly(
            "evt-0", "evt-1", "evt-2", "evt-3", "evt-4", "evt-5", "evt-4", "evt-5", "evt-6",
            "evt-7", "evt-8", "evt-9");
    assertThat(broker.committed).isEqualTo(10);
  }

  @Test
  void theSecondMemberJoinsOnlyOnceTheFirstHasCommittedABatch() {
    OnePartitionBroker broker = brokerWith(10);
    boolean drained =
        new FeedConsumption(
                broker,
                2,
                new KillSwitch(0),
                sync(new HashSet<>(), new ArrayList<>()),
                new RunCounters(),
                line -> {})
            .drain(Duration.ofSeconds(10));

    assertThat(drained).isTrue();
    assertThat(broker.joins).containsExactly("join after 0 commit(s)", "join after 1 commit(s)");
  }

  @Test
  void theDrainEndsOnlyOnceTheGroupHasCommittedEverythingPublished() {
    OnePartitionBroker broker = brokerWith(9);
    List<String> handled = new ArrayList<>();
    boolean[] down = {true};
    Function<OrderSync.CrashPoint, Function<Delivery, Ack>> flaky =
        crash ->
            d -> {
              handled.add(d.eventId());
              if (d.eventId().equals("evt-8") && down[0]) {
                down[0] = false;
                return Ack.RETRY_LATER;
              }
              return Ack.SYNCED;
            };
    RunCounters counters = new RunCounters();
    boolean drained =
        new FeedConsumption(broker, 1, new KillSwitch(0), flaky, counters, line -> {})
            .drain(Duration.ofSeconds(10));

    assertThat(drained).isTrue();
    assertThat(broker.backlog()).isZero();
    assertThat(handled).endsWith("evt-8", "evt-8");
    assertThat(counters.redeliveries).as("the rewound delivery").isOne();
  }
}
