package dev.interlock.adapters;

import java.util.Locale;
import java.util.Optional;

/**
 * Finds the adapter the build generated for a vendor's version, by the names codegen gives it
 * ({@code openapi/payments/2025-01-15.yaml} → {@code
 * dev.interlock.clients.payments.v2025_01_15.PaymentsAdapter}), so verifiers can exercise its
 * policy without knowing the class at compile time. The naming rules mirror codegen's {@code
 * ContractCoordinates}; {@code GeneratedAdaptersTest} pins them on every bundled contract.
 */
public final class GeneratedAdapters {

  private GeneratedAdapters() {}

  /** The generated adapter class's name for a vendor and version. */
  public static String className(String vendor, String version) {
    return "dev.interlock.clients."
        + identifier(vendor)
        + "."
        + versionSegment(version)
        + "."
        + typeName(vendor)
        + "Adapter";
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

  static String versionSegment(String version) {
    String id = identifier(version);
    if (id.startsWith("_")) {
      return "v" + id.substring(1);
    }
    return id.startsWith("v") ? id : "v" + id;
  }

  static String identifier(String raw) {
    StringBuilder b = new StringBuilder();
    for (char c : raw.toLowerCase(Locale.ROOT).toCharArray()) {
      b.append(Character.isLetterOrDigit(c) && c < 128 ? c : '_');
    }
    if (b.isEmpty() || Character.isDigit(b.charAt(0))) {
      b.insert(0, '_');
    }
    return b.toString();
  }

  static String typeName(String raw) {
    StringBuilder b = new StringBuilder();
    boolean upper = true;
    for (char c : raw.toCharArray()) {
      if (!Character.isLetterOrDigit(c)) {
        upper = true;
        continue;
      }
      b.append(upper ? Character.toUpperCase(c) : c);
      upper = false;
    }
    if (b.isEmpty() || Character.isDigit(b.charAt(0))) {
      b.insert(0, 'V');
    }
    return b.toString();
  }
}
