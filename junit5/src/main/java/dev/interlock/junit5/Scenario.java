package dev.interlock.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scenario of one test, instead of the class's: {@code @Scenario("rate-limited")}. It takes
 * effect before the test's {@code @BeforeEach} methods and ends after its {@code @AfterEach} ones.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Scenario {

  /** {@code normal}, {@code flaky}, {@code slow}, {@code rate-limited}, {@code outage}, ... */
  String value();

  /** The vendors whose sandboxes switch; empty switches all the class started. */
  String[] vendors() default {};
}
