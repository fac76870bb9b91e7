package dev.interlock.adapters.ordersync;

import dev.interlock.adapters.ordersync.OrderSync.Ack;
import dev.interlock.adapters.ordersync.OrderSync.Delivery;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * Drives order-sync from an {@link OrderFeed}: one batch at a time, every delivery handled (and so
 * journalled) before the batch is committed. A vendor that is unavailable for now ({@link
 * Ack#RETRY_LATER}) rewinds the feed to the last commit instead, so the batch comes again; the
 * deliveries already handled then come back as duplicates, which the journal absorbs.
 */
public final class FeedDrain {

  /** What one batch came to. */
  public record BatchResult(int delivered, int handled, boolean committed) {
    public static final BatchResult EMPTY = new BatchResult(0, 0, false);
  }

  private final OrderFeed feed;
  private final Function<Delivery, Ack> handler;

  /**
   * @param handler usually {@link OrderSync#handle}; returns only once the delivery's effects are
   *     journalled
   */
  public FeedDrain(OrderFeed feed, Function<Delivery, Ack> handler) {
    this.feed = feed;
    this.handler = handler;
  }

  /** Polls one batch, handles it and commits it; a crash in the handler leaves it uncommitted. */
  public BatchResult drainBatch(Duration wait) {
    List<Delivery> batch = feed.poll(wait);
    if (batch.isEmpty()) {
      return BatchResult.EMPTY;
    }
    int handled = 0;
    for (Delivery d : batch) {
      if (handler.apply(d) == Ack.RETRY_LATER) {
        feed.rewind();
        return new BatchResult(batch.size(), handled, false);
      }
      handled++;
    }
    return new BatchResult(batch.size(), handled, feed.commit());
  }
}
