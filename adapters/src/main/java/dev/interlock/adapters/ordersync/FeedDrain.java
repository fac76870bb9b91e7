package dev.interlock.adapters.ordersync;

import dev.interlock.adapters.ordersync.OrderSync.Ack;
import dev.interlock.adapters.ordersync.OrderSync.Delivery;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * Drives order-sync from an {@link OrderFeed}: one batch at a time, every delivery handled (and so
 * journalled) before the batch is committed. A vendor that is unavailable for now ({@link
 * Ack#RETRY_LATER}) commits the deliveries handled before it (where the feed can commit part of a
 * batch) and rewinds the feed, so the rest of the batch comes again; what a feed cannot keep comes
 * back as duplicates, which the journal absorbs.
 */
public final class FeedDrain {

  /**
   * What one batch came to.
   *
   * @param committed whether the whole batch was committed
   * @param kept deliveries committed: all handled ones when {@code committed}, else those a rewind
   *     kept (the ones handled before a vendor turned one away)
   */
  public record BatchResult(int delivered, int handled, boolean committed, int kept) {
    public static final BatchResult EMPTY = new BatchResult(0, 0, false);

    public BatchResult(int delivered, int handled, boolean committed) {
      this(delivered, handled, committed, committed ? handled : 0);
    }
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
        // what was handled is journalled: keep it, so only the rest of the batch comes again
        boolean kept = handled > 0 && feed.commitFirst(handled);
        feed.rewind();
        return new BatchResult(batch.size(), handled, false, kept ? handled : 0);
      }
      handled++;
    }
    return new BatchResult(batch.size(), handled, feed.commit());
  }
}
