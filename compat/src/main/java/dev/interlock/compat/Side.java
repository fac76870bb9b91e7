package dev.interlock.compat;

/** Which part of an interaction a compatibility finding is about. */
public enum Side {
  REQUEST("pact.request-matches-spec"),
  RESPONSE("pact.response-matches-spec"),
  MESSAGE("message.matches-asyncapi");

  private final String checkId;

  Side(String checkId) {
    this.checkId = checkId;
  }

  /** The id of the check whose results cover this side. */
  public String checkId() {
    return checkId;
  }
}
