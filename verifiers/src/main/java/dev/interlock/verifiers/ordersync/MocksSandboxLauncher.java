package dev.interlock.verifiers.ordersync;

import dev.interlock.adapters.Credentials;
import dev.interlock.adapters.ordersync.SandboxLauncher;
import dev.interlock.core.contract.Contract;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.manifest.Manifest;
import dev.interlock.mocks.Sandbox;
import dev.interlock.mocks.SandboxOptions;
import dev.interlock.mocks.Scenario;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@link SandboxLauncher} on the mocks module's {@link Sandbox}: one sandbox per vendor serving all
 * of the vendor's versions from the manifest, on the run's clock, accepting exactly the run's
 * credentials. It lives here because adapters must not depend on mocks (DESIGN.md arrows).
 */
public final class MocksSandboxLauncher implements SandboxLauncher {

  @Override
  public Sandboxes start(Request request) {
    Manifest manifest = request.contracts().manifest().orElseThrow();
    Map<String, Sandbox> running = new LinkedHashMap<>();
    try {
      for (String vendor : request.vendors().keySet()) {
        Manifest.Vendor v = manifest.vendors().get(vendor);
        List<OpenApiContract> versions = new ArrayList<>();
        for (Manifest.VendorVersion vv : v.versions().values()) {
          Contract c =
              request.contracts().contractAt(manifest.root().resolve(vv.contract())).orElseThrow();
          versions.add((OpenApiContract) c);
        }
        Credentials cred = request.accepted().getOrDefault(vendor, Credentials.none());
        Set<String> keys = new HashSet<>();
        Map<String, String> clients = new HashMap<>();
        if (cred.secret() != null) {
          keys.add(cred.secret().reveal());
        }
        if (cred.clientId() != null && cred.clientSecret() != null) {
          clients.put(cred.clientId().reveal(), cred.clientSecret().reveal());
        }
        SandboxOptions options =
            SandboxOptions.builder()
                .seed(request.seed())
                .clock(request.clock())
                .scenario(Scenario.named(request.scenario()))
                .timeScale(0)
                .journalCapacity(100)
                .apiKeys(keys)
                .clients(clients)
                .build();
        running.put(vendor, Sandbox.start(versions, options));
      }
    } catch (RuntimeException e) {
      running.values().forEach(Sandbox::close);
      throw e;
    }
    return new Sandboxes() {
      @Override
      public String baseUrl(String vendor) {
        return running.get(vendor).baseUrl();
      }

      @Override
      public Map<String, Integer> ledger(String vendor) {
        Map<String, Integer> out = new TreeMap<>();
        var ledger = running.get(vendor).ledger();
        ledger.totals().keySet().forEach(k -> out.put(k, ledger.count(k)));
        return out;
      }

      @Override
      public void close() {
        running.values().forEach(Sandbox::close);
      }
    };
  }
}
