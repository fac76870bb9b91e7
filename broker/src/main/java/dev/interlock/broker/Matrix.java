package dev.interlock.broker;

import java.util.List;
import java.util.Optional;

/**
 * The broker's compatibility matrix for a can-i-deploy question.
 *
 * @param deployable the broker's verdict; empty when it gave none (treated as "no")
 * @param reason the broker's reason
 * @param rows the consumer/provider version pairs it considered
 * @param notices the broker's notices, in order
 */
public record Matrix(
    Optional<Boolean> deployable, String reason, List<Row> rows, List<String> notices) {

  public Matrix {
    rows = List.copyOf(rows);
    notices = List.copyOf(notices);
  }

  /** Only a verdict of {@code true} lets a deployment go. */
  public boolean canDeploy() {
    return deployable.orElse(false);
  }

  /**
   * One pair of versions and what is known of their verification.
   *
   * @param success empty when the pact was never verified by that provider version
   * @param ignored the broker was told to ignore this row
   */
  public record Row(
      String consumer,
      String consumerVersion,
      String provider,
      String providerVersion,
      Optional<Boolean> success,
      String verifiedAt,
      boolean ignored) {}
}
