package dev.interlock.adapters.ordersync;

import java.time.Duration;
import java.util.List;

/**
 * Where order-sync reads {@code order.created} from when it pulls its orders (a broker topic)
 * rather than having them pushed to its webhook. Delivery is at least once: what is not {@link
 * #commit() committed} is delivered again — after {@link #rewind()}, a restart or a rebalance — so
 * order-sync commits only once a batch's effects are journalled in its {@link ProgressStore}, and
 * the journal turns the repeats into {@link OrderSync.Ack#DUPLICATE}s.
 *
 * <p>Defined here so the adapter depends on no broker client; implementations live with the broker
 * (the Kafka one in the kafka module).
 */
public interface OrderFeed extends AutoCloseable {

  /** The deliveries available now, possibly none, waiting at most {@code wait} for some. */
  List<OrderSync.Delivery> poll(Duration wait);

  /**
   * Marks every delivery polled so far as done, durably.
   *
   * @return false when the feed could not commit (its share of the feed moved to another reader);
   *     the deliveries then come again, to whoever reads them next
   */
  boolean commit();

  /**
   * Marks the first {@code deliveries} of the last poll as done, durably, so that after a {@link
   * #rewind()} only what follows them comes again.
   *
   * @return false when nothing was committed: the feed cannot commit part of a batch (this
   *     default), or its share moved to another reader; the whole batch then comes again, which the
   *     journal absorbs
   */
  default boolean commitFirst(int deliveries) {
    return false;
  }

  /** Forgets the uncommitted deliveries so the next {@link #poll} returns them again. */
  void rewind();

  /** Stops reading without committing: what was polled but not committed is delivered again. */
  @Override
  void close();
}
