package dev.interlock.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says which vendor's sandbox a {@link Sandbox} or {@link java.net.URI} parameter receives; needed
 * only when the class starts more than one.
 *
 * <pre>{@code
 * @Test
 * void booksTheCharge(@Vendor("payments") URI payments, @Vendor("accounting") Sandbox accounting)
 * }</pre>
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Vendor {

  /** The vendor id, as in the manifest (or the name of the contract's folder). */
  String value();
}
