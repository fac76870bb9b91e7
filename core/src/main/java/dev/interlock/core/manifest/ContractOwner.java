package dev.interlock.core.manifest;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Which vendor or event system owns a contract file, answered once for everyone who asks (checks,
 * the run's report, the sandbox command): the manifest's word first, else the folder the file sits
 * in ({@code openapi/<vendor>/<version>.yaml}), so a folder without a manifest still works.
 */
public final class ContractOwner {

  private ContractOwner() {}

  /** The manifest vendor one of whose versions is this file. */
  public static Optional<Manifest.Vendor> vendor(Manifest manifest, Path file) {
    if (manifest == null) {
      return Optional.empty();
    }
    Path wanted = normal(file);
    for (Manifest.Vendor v : manifest.vendors().values()) {
      for (Manifest.VendorVersion version : v.versions().values()) {
        if (version.contract() != null && normal(version.contract()).equals(wanted)) {
          return Optional.of(v);
        }
      }
    }
    return Optional.empty();
  }

  /** The manifest event system whose contract is this file. */
  private static Optional<Manifest.EventSystem> eventSystem(Manifest manifest, Path file) {
    if (manifest == null) {
      return Optional.empty();
    }
    Path wanted = normal(file);
    return manifest.events().values().stream()
        .filter(e -> e.contract() != null && normal(e.contract()).equals(wanted))
        .findFirst();
  }

  /**
   * The id of the vendor or event system that owns the file; without a manifest entry, the name of
   * the folder it sits in; "" for a file with no folder.
   *
   * @param manifest the contracts folder's manifest, or null when there is none
   */
  public static String idOf(Manifest manifest, Path file) {
    return vendor(manifest, file)
        .map(Manifest.Vendor::id)
        .or(() -> eventSystem(manifest, file).map(Manifest.EventSystem::id))
        .orElseGet(() -> folderOf(file));
  }

  private static String folderOf(Path file) {
    Path parent = normal(file).getParent();
    return parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
  }

  private static Path normal(Path p) {
    return p.toAbsolutePath().normalize();
  }
}
