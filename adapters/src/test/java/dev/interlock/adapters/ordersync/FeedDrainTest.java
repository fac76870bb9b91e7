package dev.interlock.adapters.ordersync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.adapters.ordersync.OrderSync.Ack;
import dev.interlock.adapters.ordersync.OrderSync.Delivery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link FeedDrain} commits a batch only after handling all of it, and rewinds on RETRY_LATER. */
class FeedDrainTest {

  /** A feed over a fixed list: a batch is everything from the last commit (or rewind) on. */
  static class ListFeed implements OrderFeed {
    final List<Delivery> all;
    int committed;
    int position;
    int commits;
    int rewinds;

    ListFeed(List<Delivery> all) {
      this.all = all;
    }

    @Override
    public List<Delivery> poll(Duration wait) {
      List<Delivery> batch = new ArrayList<>(all.subList(position, all.size()));
      position = all.size();
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
      rewinds++;
    }

    @Override
    public void close() {}
  }

  private static List<Delivery> deliveries(int n) {
    List<Delivery> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new Delivery("evt-" + i, "order.created", new byte[0], null));
    }
    return out;
  }

  @Test
  void commitsABatchOnlyOnceEveryDeliveryIsHandled() {
    ListFeed feed = new ListFeed(deliveries(3));
    List<String> handled = new ArrayList<>();
    FeedDrain.BatchResult r =
        new FeedDrain(
                feed,
                d -> {
                  assertThat(feed.commits).as("no commit before the batch is handled").isZero();
                  handled.add(d.eventId());
                  return Ack.SYNCED;
                })
            .drainBatch(Duration.ZERO);
    assertThat(handled).containsExactly("evt-0", "evt-1", "evt-2");
    assertThat(r).isEqualTo(new FeedDrain.BatchResult(3, 3, true));
    assertThat(feed.committed).isEqualTo(3);
  }

  @Test
  void aVendorUnavailableForNowRewindsTheBatchInsteadOfCommittingIt() {
    ListFeed feed = new ListFeed(deliveries(3));
    List<String> handled = new ArrayList<>();
    boolean[] down = {true};
    FeedDrain drain =
        new FeedDrain(
            feed,
            d -> {
              handled.add(d.eventId());
              return down[0] && d.eventId().equals("evt-1") ? Ack.RETRY_LATER : Ack.SYNCED;
            });
    assertThat(drain.drainBatch(Duration.ZERO)).isEqualTo(new FeedDrain.BatchResult(3, 1, false));
    assertThat(feed.commits).isZero();
    assertThat(feed.rewinds).isEqualTo(1);

    down[0] = false;
    assertThat(drain.drainBatch(Duration.ZERO)).isEqualTo(new FeedDrain.BatchResult(3, 3, true));
    assertThat(handled).containsExactly("evt-0", "evt-1", "evt-0", "evt-1", "evt-2");
  }

  @Test
  void aFeedThatCommitsPartOfABatchKeepsWhatWasHandledBeforeTheVendorTurnedOneAway() {
    ListFeed feed =
        new ListFeed(deliveries(3)) {
          int batchStart;

          @Override
          public List<Delivery> poll(Duration wait) {
            batchStart = position;
            return super.poll(wait);
          }

          @Override
          public boolean commitFirst(int n) {
            committed = batchStart + n;
            return true;
          }
        };
    List<String> handled = new ArrayList<>();
    boolean[] down = {true};
    FeedDrain drain =
        new FeedDrain(
            feed,
            d -> {
              handled.add(d.eventId());
              return down[0] && d.eventId().equals("evt-1") ? Ack.RETRY_LATER : Ack.SYNCED;
            });
    assertThat(drain.drainBatch(Duration.ZERO))
        .isEqualTo(new FeedDrain.BatchResult(3, 1, false, 1));
    assertThat(feed.committed).as("evt-0 is journalled, so kept").isEqualTo(1);

    down[0] = false;
    assertThat(drain.drainBatch(Duration.ZERO)).isEqualTo(new FeedDrain.BatchResult(2, 2, true));
    assertThat(handled).containsExactly("evt-0", "evt-1", "evt-1", "evt-2");
  }

  @Test
  void anEmptyPollCommitsNothing() {
    ListFeed feed = new ListFeed(List.of());
    assertThat(new FeedDrain(feed, d -> Ack.SYNCED).drainBatch(Duration.ZERO))
        .isEqualTo(FeedDrain.BatchResult.EMPTY);
    assertThat(feed.commits).isZero();
  }
}
