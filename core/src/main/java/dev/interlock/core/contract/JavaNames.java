package dev.interlock.core.contract;

import java.util.Locale;

/**
 * The Java names derived from a contract's vendor and version, in one place for the build-time
 * generator (codegen) and the run-time lookup of what it generated (adapters): {@code
 * openapi/payments/2025-01-15.yaml} → package {@code dev.interlock.clients.payments.v2025_01_15},
 * adapter {@code PaymentsAdapter}.
 */
public final class JavaNames {

  public static final String CLIENTS_PACKAGE = "dev.interlock.clients";

  private JavaNames() {}

  /** {@code dev.interlock.clients.payments.v2025_01_15}. */
  public static String clientPackage(String vendor, String version) {
    return CLIENTS_PACKAGE + "." + identifier(vendor) + "." + versionSegment(version);
  }

  /** {@code 2025-01-15} → {@code v2025_01_15}; {@code v1} → {@code v1}. */
  private static String versionSegment(String version) {
    String id = identifier(version);
    if (id.startsWith("_")) {
      return "v" + id.substring(1);
    }
    return id.startsWith("v") ? id : "v" + id;
  }

  /** A lower-case package segment: letters, digits and underscores, not starting with a digit. */
  public static String identifier(String raw) {
    StringBuilder b = new StringBuilder();
    for (char c : raw.toLowerCase(Locale.ROOT).toCharArray()) {
      b.append(Character.isLetterOrDigit(c) && c < 128 ? c : '_');
    }
    if (b.isEmpty() || Character.isDigit(b.charAt(0))) {
      b.insert(0, '_');
    }
    return b.toString();
  }

  /** {@code payments} → {@code Payments}; {@code order-sync} → {@code OrderSync}. */
  public static String typeName(String raw) {
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
