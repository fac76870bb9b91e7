package dev.interlock.codegen.internal;

import dev.interlock.core.contract.JavaNames;
import java.nio.file.Path;

/**
 * Where a contract sits in the contracts folder and the Java names derived from it: {@code
 * openapi/payments/2025-01-15.yaml} is vendor {@code payments}, version {@code 2025-01-15}, package
 * {@code dev.interlock.clients.payments.v2025_01_15}.
 */
public record ContractCoordinates(Path file, String vendor, String version, String javaPackage) {

  public static final String BASE_PACKAGE = JavaNames.CLIENTS_PACKAGE;

  /** Vendor from the parent folder, version from the file name (without extension). */
  public static ContractCoordinates ofOpenApi(Path file) {
    String vendor = file.toAbsolutePath().getParent().getFileName().toString();
    String version = baseName(file);
    return new ContractCoordinates(file, vendor, version, JavaNames.clientPackage(vendor, version));
  }

  /** AsyncAPI: the system is the file name; payloads go to {@code ...clients.events.<system>}. */
  public static ContractCoordinates ofAsyncApi(Path file) {
    String system = baseName(file);
    return new ContractCoordinates(
        file, system, "", BASE_PACKAGE + ".events." + JavaNames.identifier(system));
  }

  public String label() {
    return version.isEmpty() ? vendor : vendor + "/" + version;
  }

  static String baseName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  public static String typeName(String raw) {
    return JavaNames.typeName(raw);
  }
}
