package dev.interlock.verifiers.checks;

import dev.interlock.core.contract.AsyncApiContract;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.contract.PactContract;
import dev.interlock.core.contract.PactInteraction;
import dev.interlock.core.manifest.Manifest;
import dev.interlock.verifiers.VerificationContext;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which contract a pact is checked against. The manifest decides when it can: the pact's provider
 * is a vendor, and the adapter that owns the pact names the version it {@code uses}; a message
 * pact's provider is an event system (its id, or an id that starts with it). Without a manifest,
 * the provider's folder under {@code openapi/} is used, newest version last.
 */
final class Pairing {

  private Pairing() {}

  /**
   * The name of the case that checks one interaction of a pact: consumer → provider, the
   * interaction's description and its index in the pact (descriptions need not be unique).
   */
  static String caseName(PactContract pact, PactInteraction interaction) {
    return pact.consumer()
        + " → "
        + pact.provider()
        + ": "
        + interaction.description()
        + " (#"
        + pact.interactions().indexOf(interaction)
        + ")";
  }

  static Optional<OpenApiContract> specFor(VerificationContext context, PactContract pact) {
    Optional<Manifest> manifest = context.manifest();
    if (manifest.isPresent() && manifest.get().vendors().containsKey(pact.provider())) {
      Manifest.Vendor vendor = manifest.get().vendors().get(pact.provider());
      String version = versionUsedBy(manifest.get(), pact).orElse(null);
      Manifest.VendorVersion chosen =
          version != null && vendor.versions().containsKey(version)
              ? vendor.versions().get(version)
              : vendor.versions().values().stream()
                  .filter(v -> !v.isDeprecated())
                  .reduce((a, b) -> b)
                  .orElse(null);
      if (chosen != null) {
        return contractAt(context, chosen.contract());
      }
    }
    return context.contracts().openApi().stream()
        .filter(c -> c.file().getParent().getFileName().toString().equals(pact.provider()))
        .max(Comparator.comparing(c -> c.file().getFileName().toString()));
  }

  static Optional<AsyncApiContract> asyncApiFor(VerificationContext context, PactContract pact) {
    Optional<Manifest> manifest = context.manifest();
    if (manifest.isPresent()) {
      for (Manifest.EventSystem events : manifest.get().events().values()) {
        if (events.id().equals(pact.provider()) || events.id().startsWith(pact.provider() + "-")) {
          Optional<AsyncApiContract> found =
              context.contracts().asyncApi().stream()
                  .filter(a -> same(a.file(), events.contract()))
                  .findFirst();
          if (found.isPresent()) {
            return found;
          }
        }
      }
    }
    List<AsyncApiContract> all = context.contracts().asyncApi();
    return all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty();
  }

  /** The version of the pact's provider that the adapter owning the pact uses. */
  static Optional<String> versionUsedBy(Manifest manifest, PactContract pact) {
    for (Manifest.Adapter adapter : manifest.adapters().values()) {
      boolean owns = adapter.pacts().stream().anyMatch(p -> same(p, pact.file()));
      if (owns && adapter.uses().containsKey(pact.provider())) {
        return Optional.of(adapter.uses().get(pact.provider()));
      }
    }
    return Optional.empty();
  }

  private static Optional<OpenApiContract> contractAt(VerificationContext context, Path file) {
    return context.contracts().openApi().stream().filter(c -> same(c.file(), file)).findFirst();
  }

  static boolean same(Path a, Path b) {
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }
}
