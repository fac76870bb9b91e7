package dev.interlock.cli;

import dev.interlock.mocks.Sandbox;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Sandboxes started through {@link Embedded#startSandboxes}: their base URLs by vendor id, and one
 * {@link #close()} that stops them all. A caller in another class loader uses it through the two
 * JDK interfaces only.
 */
public final class EmbeddedSandboxes implements AutoCloseable, Supplier<Map<String, String>> {

  private final Map<String, Sandbox> byVendor;

  EmbeddedSandboxes(Map<String, Sandbox> byVendor) {
    this.byVendor = new LinkedHashMap<>(byVendor);
  }

  /** Base URL of each vendor's sandbox ({@code http://127.0.0.1:PORT}), by vendor id. */
  public Map<String, String> baseUrls() {
    Map<String, String> urls = new LinkedHashMap<>();
    byVendor.forEach((vendor, sandbox) -> urls.put(vendor, sandbox.baseUrl()));
    return java.util.Collections.unmodifiableMap(urls);
  }

  /** The same as {@link #baseUrls()}, for callers that see this object as a {@link Supplier}. */
  @Override
  public Map<String, String> get() {
    return baseUrls();
  }

  /** Stops every sandbox; safe to call more than once. */
  @Override
  public synchronized void close() {
    byVendor.values().forEach(Sandbox::close);
    byVendor.clear();
  }
}
