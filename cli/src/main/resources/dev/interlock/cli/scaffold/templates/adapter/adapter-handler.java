
  /**
   * One {@code ${event}} message of {@code ${system}}, parsed and validated by {@link
   * ${eventType}Handler}. Write the integration here, calling the vendors through the accessors
   * above; pass a business key (the event's id) to operations that take one, so retries and
   * re-deliveries reuse the same idempotency key.
   */
  public void on${eventType}(${payloadClass} event) {
    // The integration goes here.
  }
