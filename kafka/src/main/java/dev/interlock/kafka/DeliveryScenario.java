package dev.interlock.kafka;

/**
 * How a {@link ScenarioChannel} misdelivers, the way at-least-once brokers do.
 *
 * @param duplicateRate the share of events published twice (same id), seeded
 * @param reorderWindow how many events are held and released in a seeded random order (1: in order)
 */
public record DeliveryScenario(double duplicateRate, int reorderWindow) {

  public static final DeliveryScenario IN_ORDER = new DeliveryScenario(0, 1);

  public DeliveryScenario {
    if (duplicateRate < 0 || duplicateRate > 1) {
      throw new IllegalArgumentException("duplicateRate must be between 0 and 1");
    }
    if (reorderWindow < 1) {
      throw new IllegalArgumentException("reorderWindow must be at least 1");
    }
  }

  /**
   * A named delivery: {@code in-order} (once each, in order), {@code duplicates} (a fifth of the
   * events twice), {@code reordered} (windows of 8 shuffled), {@code flaky} (both).
   *
   * @throws IllegalArgumentException for another name (the message lists the known ones)
   */
  public static DeliveryScenario named(String name) {
    return switch (name) {
      case "in-order" -> IN_ORDER;
      case "duplicates" -> new DeliveryScenario(0.2, 1);
      case "reordered" -> new DeliveryScenario(0, 8);
      case "flaky" -> new DeliveryScenario(0.2, 8);
      default ->
          throw new IllegalArgumentException(
              "unknown delivery '" + name + "' (known: in-order, duplicates, reordered, flaky)");
    };
  }
}
