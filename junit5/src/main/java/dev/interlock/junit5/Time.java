package dev.interlock.junit5;

/** Which clock a class's sandboxes read rate-limit windows, outages and token expiry from. */
public enum Time {

  /** The machine's clock: a test of a rate limit or an outage really waits it out. */
  REAL,

  /**
   * One {@link SandboxClock} shared by the class's sandboxes, starting at {@link
   * SandboxClock#START} before every test and moving only when the test advances it.
   */
  VIRTUAL
}
