package dev.interlock.verifiers.checks;

import dev.interlock.core.run.CheckResult;
import dev.interlock.verifiers.Results;
import dev.interlock.verifiers.VerificationContext;

/**
 * What one per-vendor {@code adapter.*} check does for one adapter's use of one vendor version:
 * drive the generated adapter against the sandbox and judge, into the result builder it is given.
 */
@FunctionalInterface
interface AdapterProbe {
  CheckResult run(VerificationContext context, AdapterUse use, Results result);
}
