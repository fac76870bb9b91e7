package dev.interlock.verifiers;

import dev.interlock.core.ContractLoader;
import dev.interlock.core.ContractSet;
import dev.interlock.core.contract.Contract;
import dev.interlock.core.contract.PactContract;
import dev.interlock.core.manifest.ContractOwner;
import dev.interlock.core.manifest.Manifest;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What checks share during one run: the options, the loaded contracts, and resources that are
 * expensive to start (sandboxes), started on first use and closed when the run ends.
 */
public final class VerificationContext implements AutoCloseable {

  private final VerificationOptions options;
  private final ContractSet contracts;
  private final Map<String, Object> shared = new ConcurrentHashMap<>();
  private final Deque<AutoCloseable> toClose = new ArrayDeque<>();

  public VerificationContext(VerificationOptions options, ContractSet contracts) {
    this.options = options;
    this.contracts = contracts;
  }

  /** Loads the contracts folder of the options. */
  public static VerificationContext load(VerificationOptions options) {
    ContractSet set =
        new ContractLoader(options.loadOptions()).loadAll(List.of(options.contracts()));
    return new VerificationContext(options, set);
  }

  public VerificationOptions options() {
    return options;
  }

  public ContractSet contracts() {
    return contracts;
  }

  public Optional<Manifest> manifest() {
    return contracts.manifest();
  }

  public long seed() {
    return options.seed();
  }

  /** A contract path relative to the contracts folder, for names and reports. */
  public String relative(Path file) {
    Path root = options.contracts().toAbsolutePath().normalize();
    Path abs = file.toAbsolutePath().normalize();
    return (abs.startsWith(root) ? root.relativize(abs) : abs).toString().replace('\\', '/');
  }

  /** The vendor or event system that owns a contract or, for a pact, its provider. */
  public String vendorOf(Contract contract) {
    if (contract instanceof PactContract pact) {
      return pact.provider();
    }
    return ContractOwner.idOf(manifest().orElse(null), contract.file());
  }

  public String relative(Contract contract) {
    return relative(contract.file());
  }

  /**
   * A resource shared by every check of the run, created once; if it is {@link AutoCloseable} it is
   * closed when the run ends, in reverse order of creation.
   */
  @SuppressWarnings("unchecked")
  public <T> T shared(String key, Supplier<T> create) {
    return (T)
        shared.computeIfAbsent(
            key,
            k -> {
              T value = create.get();
              if (value instanceof AutoCloseable closeable) {
                synchronized (toClose) {
                  toClose.push(closeable);
                }
              }
              return value;
            });
  }

  @Override
  public void close() {
    synchronized (toClose) {
      while (!toClose.isEmpty()) {
        try {
          toClose.pop().close();
        } catch (Exception e) {
          // closing is best effort: a sandbox that fails to stop must not hide the run's results
        }
      }
    }
  }
}
