package dev.interlock.junit5;

/**
 * The entry point of Interlock's AssertJ assertions on sandboxes:
 *
 * <pre>{@code
 * import static dev.interlock.junit5.InterlockAssertions.assertThat;
 * import static dev.interlock.junit5.RequestCount.exactly;
 * import static dev.interlock.junit5.RequestPattern.postRequestedFor;
 *
 * assertThat(payments).received(exactly(1), postRequestedFor("/v1/charges").withStatus(201));
 * }</pre>
 */
public final class InterlockAssertions {

  private InterlockAssertions() {}

  public static SandboxAssert assertThat(Sandbox sandbox) {
    return new SandboxAssert(sandbox);
  }
}
