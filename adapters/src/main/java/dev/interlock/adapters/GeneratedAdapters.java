package dev.interlock.adapters;

import dev.interlock.core.contract.JavaNames;
import java.util.Optional;

/**
 * Finds the adapter the build generated for a vendor's version, by the names codegen gives it
 * ({@code openapi/payments/2025-01-15.yaml} → {@code
 * dev.interlock.clients.payments.v2025_01_15.PaymentsAdapter}), so verifiers can exercise its
 * policy without knowing the class at compile time. The names come from core's {@link JavaNames},
 * as codegen's do; {@code GeneratedAdaptersTest} pins them on every bundled contract.
 */
public final class GeneratedAdapters {

  private GeneratedAdapters() {}

  /** The generated adapter class's name for a vendor and version. */
  public static String className(String vendor, String version) {
    return JavaNames.clientPackage(vendor, version) + "." + JavaNames.typeName(vendor) + "Adapter";
  }

  /** The {@code SPEC} the generated adapter carries: the contract as its policy sees it. */
  public static Optional<VendorSpec> spec(String vendor, String version) {
    try {
      Class<?> type = Class.forName(className(vendor, version));
      return Optional.of((VendorSpec) type.getField("SPEC").get(null));
    } catch (ClassNotFoundException | NoSuchFieldException | IllegalAccessException e) {
      return Optional.empty();
    }
  }
}
