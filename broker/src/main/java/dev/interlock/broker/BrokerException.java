package dev.interlock.broker;

/**
 * The broker could not be used as asked: unreachable, a relation missing from a resource, or an
 * answer other than 2xx. The message says which request, which relation or what the broker said; it
 * is already redacted.
 */
public final class BrokerException extends RuntimeException {

  private final int status;

  public BrokerException(String message, int status) {
    super(message);
    this.status = status;
  }

  public BrokerException(String message) {
    this(message, 0);
  }

  /** The HTTP status the broker answered, or 0 when there was no answer. */
  public int status() {
    return status;
  }

  /** True when the broker refused the request as malformed or unknown (4xx). */
  public boolean isClientError() {
    return status >= 400 && status < 500;
  }
}
