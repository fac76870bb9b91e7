package dev.interlock.cli.scaffold;

import dev.interlock.cli.scaffold.AdapterModel.ConsumedEvent;
import dev.interlock.cli.scaffold.AdapterModel.VendorUse;
import dev.interlock.core.ContractSet;
import dev.interlock.core.contract.AsyncApiContract;
import dev.interlock.core.contract.AsyncApiMessage;
import dev.interlock.core.contract.ContractExtensions;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.manifest.Manifest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads an {@link AdapterModel} from a loaded contracts folder and the command's arguments. */
public final class AdapterModels {

  private AdapterModels() {}

  /**
   * @param uses {@code VENDOR} (its newest version that is not deprecated) or {@code
   *     VENDOR@VERSION}
   * @param consumes {@code SYSTEM/EVENT}, the AsyncAPI message's name
   */
  public static AdapterModel read(
      ContractSet set,
      String name,
      String javaPackage,
      List<String> uses,
      Optional<String> consumes) {
    Manifest manifest =
        set.manifest()
            .orElseThrow(
                () ->
                    new ScaffoldException(
                        "the contracts folder has no interlock.yaml (run 'interlock init' first)"));
    if (!name.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
      throw new ScaffoldException(
          "adapter name '" + name + "': use lower-case words joined by '-', e.g. invoice-sync");
    }
    if (manifest.adapters().containsKey(name)) {
      throw new ScaffoldException("the manifest already has an adapter '" + name + "'");
    }
    List<VendorUse> vendors = new ArrayList<>();
    for (String use : uses) {
      vendors.add(vendor(set, manifest, use));
    }
    Optional<ConsumedEvent> event = consumes.map(c -> event(set, manifest, c));
    return new AdapterModel(name, javaPackage, vendors, event);
  }

  private static VendorUse vendor(ContractSet set, Manifest manifest, String use) {
    String[] parts = use.split("@", 2);
    Manifest.Vendor v = manifest.vendors().get(parts[0]);
    if (v == null) {
      throw new ScaffoldException(
          "--uses "
              + use
              + ": no vendor '"
              + parts[0]
              + "' in the manifest (vendors: "
              + manifest.vendors().keySet()
              + ")");
    }
    Manifest.VendorVersion version =
        parts.length == 2
            ? v.versions().get(parts[1])
            : v.versions().values().stream()
                .filter(x -> !x.isDeprecated())
                .reduce((a, b) -> b)
                .orElse(v.versions().values().stream().reduce((a, b) -> b).orElseThrow());
    if (version == null) {
      throw new ScaffoldException(
          "--uses "
              + use
              + ": vendor '"
              + parts[0]
              + "' has no version '"
              + parts[1]
              + "' (versions: "
              + v.versions().keySet()
              + ")");
    }
    OpenApiContract contract =
        set.openApi().stream()
            .filter(c -> same(c.file(), version.contract()))
            .findFirst()
            .orElseThrow(
                () ->
                    new ScaffoldException(
                        "--uses " + use + ": " + version.contract() + " could not be loaded"));
    Optional<String> versionHeader =
        contract.extensions().apiVersion().map(ContractExtensions.ApiVersion::header);
    Optional<PactCall> pact =
        v.auth().type().startsWith("oauth2")
            ? Optional.empty()
            : PactCall.in(contract, versionHeader.orElse(null));
    return new VendorUse(
        v.id(), version.version(), version.contract(), contract, v.auth(), versionHeader, pact);
  }

  private static ConsumedEvent event(ContractSet set, Manifest manifest, String consumes) {
    String[] parts = consumes.split("/", 2);
    Manifest.EventSystem system = parts.length == 2 ? manifest.events().get(parts[0]) : null;
    if (system == null) {
      throw new ScaffoldException(
          "--consumes "
              + consumes
              + ": expected SYSTEM/EVENT with a SYSTEM of the manifest's events "
              + manifest.events().keySet());
    }
    AsyncApiContract contract =
        set.asyncApi().stream()
            .filter(c -> same(c.file(), system.contract()))
            .findFirst()
            .orElseThrow(
                () ->
                    new ScaffoldException(
                        "--consumes "
                            + consumes
                            + ": "
                            + system.contract()
                            + " could not be loaded"));
    List<String> names = new ArrayList<>();
    for (AsyncApiMessage m : contract.messages()) {
      if (m.name().equals(parts[1])) {
        return new ConsumedEvent(parts[0], parts[1], contract, m);
      }
      names.add(m.name());
    }
    throw new ScaffoldException(
        "--consumes "
            + consumes
            + ": "
            + system.contract().getFileName()
            + " has no message '"
            + parts[1]
            + "' (messages: "
            + names
            + ")");
  }

  private static boolean same(Path a, Path b) {
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }
}
