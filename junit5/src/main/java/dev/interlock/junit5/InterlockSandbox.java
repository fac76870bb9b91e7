package dev.interlock.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts the sandboxes of a contracts folder for a test class: once before its first test, on free
 * loopback ports, stopped after its last. Before each test every sandbox forgets its state, ledger
 * and journal and goes back to the class's scenario.
 *
 * <pre>{@code
 * @InterlockSandbox(contracts = "src/test/contracts", vendors = "payments", scenario = "flaky", seed = 7)
 * class CheckoutIT {
 *   @Test
 *   void chargesOnce(Sandbox payments) {
 *     new Checkout(payments.baseUri()).pay("ord_1");
 *     assertThat(payments).received(exactly(1), postRequestedFor("/v1/charges"));
 *   }
 * }
 * }</pre>
 *
 * With {@code time = Time.VIRTUAL} a test of a rate limit, an outage or token expiry advances a
 * {@link SandboxClock} instead of waiting:
 *
 * <pre>{@code
 * @InterlockSandbox(contracts = "src/test/contracts", scenario = "rate-limited", time = Time.VIRTUAL)
 * class RateLimitIT {
 *   @Test
 *   void waitsOutRetryAfter(Sandbox payments, SandboxClock clock) {
 *     new Checkout(payments.baseUri(), clock::advance).pay("ord_1");  // sleeps on the clock
 *   }
 * }
 * }</pre>
 *
 * Each test class gets its own sandboxes, so classes may run in parallel; the tests of one class
 * share them and should run one at a time.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(InterlockExtension.class)
public @interface InterlockSandbox {

  /**
   * The contracts folder ({@code interlock.yaml} and the {@code openapi/<vendor>/} files, or
   * OpenAPI files in folders named after their vendor), relative to the working directory (the
   * module's folder under Maven and Gradle).
   */
  String contracts() default "src/test/contracts";

  /** The vendors to start (ids of the manifest, or folder names); empty starts every vendor. */
  String[] vendors() default {};

  /**
   * The scenario of every test that does not choose another: {@code normal}, {@code flaky}, {@code
   * slow}, {@code rate-limited}, {@code outage} or {@code scripted}, with the settings of the
   * manifest's {@code scenarios} section where it has them.
   */
  String scenario() default "normal";

  /** The seed of synthesized data and faults; the same seed gives the same answers. */
  long seed() default 42;

  /**
   * {@link Time#REAL} (the default) or {@link Time#VIRTUAL}: the class's sandboxes then share one
   * {@link SandboxClock}, back at {@link SandboxClock#START} before every test, that only the test
   * moves.
   */
  Time time() default Time.REAL;
}
