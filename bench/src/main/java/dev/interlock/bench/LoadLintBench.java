package dev.interlock.bench;

import dev.interlock.core.ContractLoader;
import dev.interlock.core.LoadOptions;
import dev.interlock.core.LoadResult;
import dev.interlock.core.lint.Linter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Load + lint of one large contract (default: the Stripe spec of the shared corpus), against a
 * baseline measured in the same JVM: swagger-parser's own {@code readLocation}, which is what most
 * tools do to read a spec (and which gives neither positions nor safety limits).
 *
 * <p>Prints the first (cold) run, the median of the warm runs and the peak heap. Run it with {@code
 * bench/run load-lint}; the script fixes the heap at 512 MB, the target.
 */
public final class LoadLintBench {

  public static void main(String[] args) {
    Path spec =
        Path.of(
            args.length > 0
                ? args[0]
                : "../shared/corpus/openapi/stripe/stripe_spec3_2023-09-12_api-2023-08-16.yaml");
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;

    List<Long> ours = new ArrayList<>();
    List<Long> baseline = new ArrayList<>();
    int operations = 0;
    int findings = 0;
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      ContractLoader loader =
          new ContractLoader(LoadOptions.forRoot(spec.toAbsolutePath().getParent()));
      LoadResult result = loader.load(spec);
      var contract =
          result
              .contract()
              .orElseThrow(() -> new IllegalStateException(result.diagnostics().toString()));
      findings =
          result.diagnostics().size()
              + Linter.withDefaultRules(Map.of()).lint(List.of(contract)).size();
      ours.add(System.nanoTime() - t0);
      operations = ((dev.interlock.core.contract.OpenApiContract) contract).operations().size();

      long t1 = System.nanoTime();
      ParseOptions options = new ParseOptions();
      options.setResolve(true);
      new OpenAPIV3Parser().readLocation(spec.toAbsolutePath().toString(), null, options);
      baseline.add(System.nanoTime() - t1);
    }
    long peakHeap = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peakHeap += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(
        "contract: %s (%d operations, %d findings)%n", spec.getFileName(), operations, findings);
    System.out.printf(
        "max heap: %d MB, peak heap used: %d MB%n",
        Runtime.getRuntime().maxMemory() >> 20, peakHeap >> 20);
    System.out.printf("%-44s %10s %10s%n", "", "cold", "warm p50");
    System.out.printf(
        "%-44s %8d ms %8d ms%n", "interlock load + lint", ms(ours.get(0)), ms(median(ours)));
    System.out.printf(
        "%-44s %8d ms %8d ms%n",
        "baseline: swagger-parser readLocation", ms(baseline.get(0)), ms(median(baseline)));
    System.out.printf(
        "ratio interlock/baseline (warm p50): %.2f%n", (double) median(ours) / median(baseline));
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values.subList(values.size() > 1 ? 1 : 0, values.size()));
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }
}
