package dev.interlock.mocks.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Headers every answer of an operation carries: {@code Deprecation} and {@code Sunset} (RFC 8594)
 * when the operation or its version is deprecated, and the version header when the sandbox serves
 * several versions told apart by one.
 */
final class OperationHeaders {

  private final String versionHeader;
  private final boolean severalVersions;

  OperationHeaders(String versionHeader, boolean severalVersions) {
    this.versionHeader = versionHeader;
    this.severalVersions = severalVersions;
  }

  Reply decorate(OperationModel op, Reply reply) {
    Reply r = reply;
    Optional<LocalDate> sunset = op.extensions().sunset();
    if (sunset.isEmpty()) {
      sunset = op.version().extensions().sunset();
    }
    if (op.deprecated() || op.version().extensions().sunset().isPresent()) {
      r = r.withHeader("Deprecation", "true");
    }
    if (sunset.isPresent()) {
      r =
          r.withHeader(
              "Sunset",
              DateTimeFormatter.RFC_1123_DATE_TIME.format(
                  sunset.get().atStartOfDay().atOffset(ZoneOffset.UTC)));
    }
    if (versionHeader != null && severalVersions) {
      r = r.withHeaderIfAbsent(versionHeader, op.version().label());
    }
    return r;
  }
}
