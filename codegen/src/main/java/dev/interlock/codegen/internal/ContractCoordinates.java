package dev.interlock.codegen.internal;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a contract sits in the contracts folder and the Java names derived from it: {@code
 * openapi/payments/2025-01-15.yaml} is vendor {@code payments}, version {@code 2025-01-15}, package
 * {@code dev.interlock.clients.payments.v2025_01_15}.
 */
public record ContractCoordinates(Path file, String vendor, String version, String javaPackage) {

  public static final String BASE_PACKAGE = "dev.interlock.clients";

  /** Vendor from the parent folder, version from the file name (without extension). */
  public static ContractCoordinates ofOpenApi(Path file) {
    String vendor = file.toAbsolutePath().getParent().getFileName().toString();
    String version = baseName(file);
    return new ContractCoordinates(
        file,
        vendor,
        version,
        BASE_PACKAGE + "." + identifier(vendor) + "." + versionSegment(version));
  }

  /** AsyncAPI: the system is the file name; payloads go to {@code ...clients.events.<system>}. */
  public static ContractCoordinates ofAsyncApi(Path file) {
    String system = baseName(file);
    return new ContractCoordinates(
        file, system, "", BASE_PACKAGE + ".events." + identifier(system));
  }

  public String label() {
    return version.isEmpty() ? vendor : vendor + "/" + version;
  }

  static String baseName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /** {@code 2025-01-15} → {@code v2025_01_15}; {@code v1} → {@code v1}. */
  static String versionSegment(String version) {
    String id = identifier(version);
    if (id.startsWith("_")) {
      return "v" + id.substring(1);
    }
    return id.startsWith("v") ? id : "v" + id;
  }

  /**
   * A lower-case Java package segment: letters, digits and underscores, not starting with a digit.
   */
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
