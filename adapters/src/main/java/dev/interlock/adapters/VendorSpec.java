package dev.interlock.adapters;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one vendor contract version says that resilience depends on: version pinning, security,
 * {@code x-rate-limit}, {@code x-retry} and its operations. Generated adapters carry it as a
 * constant ({@code PaymentsAdapter.SPEC}); {@link ResiliencePolicy#derive} turns it into policy.
 *
 * @param version the version label of the contract ({@code 2025-01-15}, {@code v1})
 * @param versionHeader the header that pins the version ({@code x-api-version: {header: ...}}), or
 *     null
 * @param apiVersion the value sent in {@code versionHeader}
 * @param versionPath the path prefix that pins the version ({@code x-api-version: {path: /v1}}), or
 *     null
 */
public record VendorSpec(
    String vendor,
    String version,
    String versionHeader,
    String apiVersion,
    String versionPath,
    AuthSpec auth,
    Optional<RateLimit> rateLimit,
    List<Integer> retryStatuses,
    int maxAttempts,
    Map<String, OperationSpec> operations) {

  /** {@code x-rate-limit}: {@code limit} requests per {@code window}. */
  public record RateLimit(int limit, Duration window) {
    public RateLimit {
      if (limit < 1 || window.isZero() || window.isNegative()) {
        throw new IllegalArgumentException("a rate limit needs a positive limit and window");
      }
    }
  }

  public VendorSpec {
    retryStatuses = List.copyOf(retryStatuses);
    operations = Map.copyOf(operations);
  }

  public OperationSpec operation(String operationId) {
    OperationSpec op = operations.get(operationId);
    if (op == null) {
      throw new IllegalArgumentException(vendor + " has no operation '" + operationId + "'");
    }
    return op;
  }

  public static Builder builder(String vendor, String version) {
    return new Builder(vendor, version);
  }

  public static final class Builder {
    private final String vendor;
    private final String version;
    private String versionHeader;
    private String apiVersion;
    private String versionPath;
    private AuthSpec auth = AuthSpec.none();
    private RateLimit rateLimit;
    private List<Integer> retryStatuses = List.of();
    private int maxAttempts;
    private final Map<String, OperationSpec> operations = new LinkedHashMap<>();

    private Builder(String vendor, String version) {
      this.vendor = vendor;
      this.version = version;
    }

    public Builder versionHeader(String header, String value) {
      this.versionHeader = header;
      this.apiVersion = value;
      return this;
    }

    public Builder versionPath(String path) {
      this.versionPath = path;
      return this;
    }

    public Builder auth(AuthSpec auth) {
      this.auth = auth;
      return this;
    }

    public Builder rateLimit(int limit, Duration window) {
      this.rateLimit = new RateLimit(limit, window);
      return this;
    }

    public Builder retry(List<Integer> statuses, int maxAttempts) {
      this.retryStatuses = new ArrayList<>(statuses);
      this.maxAttempts = maxAttempts;
      return this;
    }

    public Builder operation(
        String operationId,
        String method,
        String path,
        String idempotencyHeader,
        boolean declaredIdempotent,
        boolean authenticated,
        List<Integer> retryStatuses,
        int maxAttempts) {
      operations.put(
          operationId,
          new OperationSpec(
              operationId,
              method,
              path,
              idempotencyHeader,
              declaredIdempotent,
              authenticated,
              retryStatuses,
              maxAttempts));
      return this;
    }

    public VendorSpec build() {
      return new VendorSpec(
          vendor,
          version,
          versionHeader,
          apiVersion,
          versionPath,
          auth,
          Optional.ofNullable(rateLimit),
          retryStatuses,
          maxAttempts,
          operations);
    }
  }
}
