package dev.interlock.adapters;

/**
 * A vendor call that failed for good: not retryable, or attempts or time budget exhausted. The
 * message and problem text are redacted.
 */
public final class VendorCallException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String vendor;
  private final String operationId;
  private final int status;
  private final int attempts;
  private final boolean transientFailure;
  private final String problem;

  public VendorCallException(
      String vendor,
      String operationId,
      int status,
      int attempts,
      boolean transientFailure,
      String message,
      String problem) {
    super(message);
    this.vendor = vendor;
    this.operationId = operationId;
    this.status = status;
    this.attempts = attempts;
    this.transientFailure = transientFailure;
    this.problem = problem;
  }

  public String vendor() {
    return vendor;
  }

  public String operationId() {
    return operationId;
  }

  /** The last HTTP status, 0 when there was no response. */
  public int status() {
    return status;
  }

  public int attempts() {
    return attempts;
  }

  /**
   * True when the failure may go away (the retries ran out on a retryable failure, or the circuit
   * is open): try the business operation later. False when repeating cannot help (4xx).
   */
  public boolean isTransient() {
    return transientFailure;
  }

  /** The vendor's problem body, redacted, or null. */
  public String problem() {
    return problem;
  }
}
