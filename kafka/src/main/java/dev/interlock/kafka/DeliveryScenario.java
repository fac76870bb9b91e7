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
   * The delivery of a named sandbox scenario: {@code duplicates} sends a fifth of the events twice,
   * {@code reordered} shuffles windows of 8, {@code flaky} does both; any other name delivers in
   * order, once.
   */
  public static DeliveryScenario named(String scenario) {
    return switch (scenario) {
      case "duplicates" -> new DeliveryScenario(0.2, 1);
      case "reordered" -> new DeliveryScenario(0, 8);
      case "flaky" -> new DeliveryScenario(0.2, 8);
      default -> IN_ORDER;
    };
  }
}
