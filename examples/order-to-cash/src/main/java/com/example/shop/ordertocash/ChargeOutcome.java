package com.example.shop.ordertocash;

/** How charging one order ended. */
public sealed interface ChargeOutcome {

  /** Attempts made, the first included. */
  int attempts();

  /** Payments created (or replayed) the charge. */
  record Charged(String chargeId, int attempts) implements ChargeOutcome {}

  /**
   * Payments refused the charge for what it is (a 4xx other than 429, such as 400 or a 402
   * decline), or the order could not be turned into a request: asking again would not help.
   */
  record Rejected(int status, String reason, int attempts) implements ChargeOutcome {}

  /** Every attempt met a transient failure; a later redelivery may succeed. */
  record GaveUp(int lastStatus, int attempts) implements ChargeOutcome {}
}
