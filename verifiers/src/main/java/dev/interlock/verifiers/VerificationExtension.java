package dev.interlock.verifiers;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.StoreScope;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves the {@link VerificationRun} a test factory works on. Under {@link Verification#run} it
 * is the run that call put into the launcher session's store. Under Surefire or an IDE, where no
 * one did, the extension opens a run itself from the configuration parameters {@value #CONTRACTS}
 * (default {@code contracts}) and {@value #SEED} (default 0), and keeps it in the engine's store,
 * which closes it when the tests are done.
 */
public final class VerificationExtension implements ParameterResolver {

  /**
   * Where runs are kept, in the launcher session's store (Jupiter maps it to the platform namespace
   * of the same parts, which {@link Verification} writes to) and in the engine's.
   */
  static final Namespace NAMESPACE = Namespace.create(VerificationExtension.class);

  /** Configuration parameter: the contracts folder of a run this extension opens itself. */
  public static final String CONTRACTS = "interlock.contracts";

  /** Configuration parameter: the seed of a run this extension opens itself. */
  public static final String SEED = "interlock.seed";

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
    return parameter.getParameter().getType() == VerificationRun.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
    VerificationRun given =
        extension
            .getStore(StoreScope.LAUNCHER_SESSION, NAMESPACE)
            .get(VerificationRun.class, VerificationRun.class);
    if (given != null) {
      return given;
    }
    return extension
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(VerificationRun.class, k -> open(extension), VerificationRun.class);
  }

  private static VerificationRun open(ExtensionContext extension) {
    Path contracts = Path.of(extension.getConfigurationParameter(CONTRACTS).orElse("contracts"));
    long seed = extension.getConfigurationParameter(SEED).map(Long::parseLong).orElse(0L);
    return VerificationRun.open(
        VerificationOptions.of(contracts, seed), Verification.Listener.NONE);
  }
}
