package dev.interlock.verifiers.checks;

import dev.interlock.adapters.GeneratedAdapters;
import dev.interlock.adapters.PolicyOverrides;
import dev.interlock.adapters.VendorSpec;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.manifest.Manifest;
import dev.interlock.core.run.CheckResult;
import dev.interlock.verifiers.Check;
import dev.interlock.verifiers.CheckCase;
import dev.interlock.verifiers.Results;
import dev.interlock.verifiers.VerificationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An {@code adapter.*} check run once per vendor version an adapter uses. */
final class PerVendorAdapterCheck implements Check {
  private final String id;
  private final String description;
  private final AdapterProbe probe;

  PerVendorAdapterCheck(String id, String description, AdapterProbe probe) {
    this.id = id;
    this.description = description;
    this.probe = probe;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public List<CheckCase> plan(VerificationContext context) {
    List<CheckCase> cases = new ArrayList<>();
    Manifest manifest = context.manifest().orElse(null);
    if (manifest == null) {
      return cases;
    }
    for (Manifest.Adapter adapter : manifest.adapters().values()) {
      for (Map.Entry<String, String> use : adapter.uses().entrySet()) {
        String name = adapter.id() + " → " + use.getKey() + " " + use.getValue();
        cases.add(
            new CheckCase(
                id, name, () -> run(context, adapter, use.getKey(), use.getValue(), name)));
      }
    }
    return cases;
  }

  private CheckResult run(
      VerificationContext context,
      Manifest.Adapter adapter,
      String vendor,
      String version,
      String name) {
    Results r = Results.of(id, name).vendor(vendor).label("adapter", adapter.id()).version(version);
    Manifest.Vendor v = context.manifest().orElseThrow().vendors().get(vendor);
    Manifest.VendorVersion vv = v == null ? null : v.versions().get(version);
    Optional<OpenApiContract> contract =
        vv == null
            ? Optional.empty()
            : context.contracts().openApi().stream()
                .filter(c -> Pairing.same(c.file(), vv.contract()))
                .findFirst();
    Optional<VendorSpec> spec = GeneratedAdapters.spec(vendor, version);
    if (contract.isEmpty() || spec.isEmpty()) {
      return r.skipped(
          "no generated adapter for "
              + vendor
              + " "
              + version
              + " in this build ("
              + GeneratedAdapters.className(vendor, version)
              + ")");
    }
    return probe.run(
        context,
        new AdapterUse(
            adapter.id(),
            vendor,
            version,
            contract.get(),
            spec.get(),
            PolicyOverrides.fromManifest(v.policy())),
        r);
  }
}
