package dev.interlock.verifiers.checks;

import dev.interlock.adapters.AdapterRuntime;
import dev.interlock.adapters.PolicyOverrides;
import dev.interlock.adapters.ResiliencePolicy;
import dev.interlock.adapters.RetryClass;
import dev.interlock.adapters.VendorSpec;
import dev.interlock.core.Diagnostic;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.mocks.Scenario;
import dev.interlock.verifiers.VerificationContext;
import dev.interlock.verifiers.conformance.SampleRequests;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * One adapter's use of one vendor version, and what the {@code adapter.*} probes ask of it: which
 * operation to drive, the policy derived for it, and where in the contract a finding belongs.
 */
record AdapterUse(
    String adapter,
    String vendor,
    String version,
    OpenApiContract contract,
    VendorSpec spec,
    PolicyOverrides overrides) {

  String name() {
    return adapter + " → " + vendor + " " + version;
  }

  /** The generated adapter of this use against the vendor's sandbox, in the given scenario. */
  AdapterHarness harness(VerificationContext context, Scenario scenario) {
    return new AdapterHarness(
        vendor,
        contract,
        spec,
        context.seed(),
        scenario,
        overrides,
        AdapterRuntime.CircuitSettings.defaults());
  }

  /** Any operation a sample request can call, the safest retry class first. */
  Optional<String> anyOperation() {
    return operation(RetryClass.IDEMPOTENT)
        .or(() -> operation(RetryClass.KEYED))
        .or(() -> operation(RetryClass.NEVER));
  }

  /** An operation the policy may retry; a keyed one when the idempotent one needs a path id. */
  Optional<String> retryable() {
    Optional<String> idempotent = operation(RetryClass.IDEMPOTENT);
    Optional<String> keyed = operation(RetryClass.KEYED);
    if (idempotent.isPresent()
        && keyed.isPresent()
        && spec.operation(idempotent.get()).path().contains("{")) {
      return keyed;
    }
    return idempotent.or(() -> keyed);
  }

  /**
   * An operation of the retry class that the sandbox answers with success to a sample request: one
   * without path parameters first (a sample id names no stored resource, so a read would be 404).
   */
  Optional<String> operation(RetryClass retryClass) {
    return spec.operations().values().stream()
        .filter(op -> ResiliencePolicy.derive(spec, op, overrides).retryClass() == retryClass)
        .filter(op -> !op.path().contains("token"))
        .filter(op -> SampleRequests.forOperation(contract, op.operationId()).isPresent())
        .sorted(Comparator.comparing(op -> op.path().contains("{")))
        .map(op -> op.operationId())
        .findFirst();
  }

  ResiliencePolicy policyOf(String operationId) {
    return ResiliencePolicy.derive(spec, spec.operation(operationId), overrides);
  }

  String signature(String operationId) {
    var op = spec.operation(operationId);
    return op.method() + " " + op.path();
  }

  /**
   * A finding located at the operation under test in the contract the policy came from (the
   * contract's {@code paths} when the contract has no operation of that id).
   */
  Diagnostic policyFinding(String operationId, String message) {
    JsonPointer at =
        contract.operations().stream()
            .filter(o -> o.id().equals(operationId))
            .map(o -> o.pointer())
            .findFirst()
            .orElse(JsonPointer.of("paths"));
    return Diagnostic.error("adapter.policy", message)
        .at(contract.source().locate(at))
        .hint(
            "the policy is derived from "
                + contract.file().getFileName()
                + " and the manifest's vendors."
                + vendor
                + ".policy")
        .build();
  }

  /** A header's value by case-insensitive name, or null. */
  static String header(Map<String, String> headers, String name) {
    for (Map.Entry<String, String> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }
}
