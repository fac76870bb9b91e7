package dev.interlock.core.run;

/**
 * One change between two versions of a contract as a run reports it: which rule classified it, how
 * much it can hurt, and which consumer interaction it breaks, if any.
 *
 * @param ruleId the stable rule id of the change ({@code openapi.response.property.removed})
 * @param level {@code breaking}, {@code potentially breaking} or {@code non-breaking}
 * @param operation the operation or channel the change is on ({@code POST /v1/charges}), or ""
 * @param consumer the consumer whose pact interaction the change breaks, or "" when none
 * @param interaction the description of that interaction, or "" when none
 */
public record ChangeImpact(
    String ruleId, String level, String operation, String consumer, String interaction) {

  /** A change that no known consumer interaction depends on. */
  public static ChangeImpact unattributed(String ruleId, String level, String operation) {
    return new ChangeImpact(ruleId, level, operation, "", "");
  }

  public boolean affectsConsumer() {
    return !consumer.isEmpty();
  }
}
