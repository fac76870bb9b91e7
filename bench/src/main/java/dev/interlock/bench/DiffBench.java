package dev.interlock.bench;

import dev.interlock.core.ContractLoader;
import dev.interlock.core.LoadOptions;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.diff.DiffReport;
import dev.interlock.diff.OpenApiDiff;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;

/**
 * Diff time on two large specs, side by side with openapi-diff-core (the Java library) in the same
 * JVM: the Stripe spec against a copy with a few deliberate changes (an operation removed, a
 * property removed, an enum value added), and against itself.
 *
 * <p>Each side loads its inputs the way it must (Interlock through its safe loader, openapi-diff
 * from the file locations), and load time is included on both sides. openapi-diff runs with a time
 * limit; if it does not finish, the table says so.
 */
public final class DiffBench {

  public static void main(String[] args) throws Exception {
    Path stripe =
        Path.of(
                args.length > 0
                    ? args[0]
                    : "../shared/corpus/openapi/stripe/stripe_spec3_2023-09-12_api-2023-08-16.yaml")
            .toAbsolutePath();
    long limitSeconds = args.length > 1 ? Long.parseLong(args[1]) : 120;
    Path dir = Files.createTempDirectory("interlock-diff-bench");
    Path changed = dir.resolve("stripe-changed.yaml");
    Files.writeString(changed, mutate(Files.readString(stripe)));

    Path payments =
        Path.of(args.length > 2 ? args[2] : "contracts/openapi/payments").toAbsolutePath();
    Path[][] pairs = {
      {stripe, stripe},
      {stripe, changed},
      {stripe, stripe},
      {payments.resolve("2024-06-01.yaml"), payments.resolve("2025-01-15.yaml")}
    };
    String[] names = {
      "stripe vs itself (cold JVM)",
      "stripe vs stripe-changed",
      "stripe vs itself (warm)",
      "payments 2024-06-01 vs 2025-01-15"
    };
    System.out.printf("%-36s %14s %14s %10s%n", "pair", "interlock", "openapi-diff", "ratio");
    for (int p = 0; p < pairs.length; p++) {
      Path base = pairs[p][0];
      Path other = pairs[p][1];
      String pair = names[p];
      long t0 = System.nanoTime();
      Ours ours = interlock(base, other);
      long oursMs = (System.nanoTime() - t0) / 1_000_000;
      String theirs;
      double ratio = Double.NaN;
      ExecutorService pool =
          Executors.newSingleThreadExecutor(
              r -> {
                Thread t = new Thread(r, "openapi-diff");
                t.setDaemon(true);
                return t;
              });
      long t1 = System.nanoTime();
      Future<ChangedOpenApi> future =
          pool.submit(() -> OpenApiCompare.fromLocations(base.toString(), other.toString()));
      try {
        ChangedOpenApi result = future.get(limitSeconds, TimeUnit.SECONDS);
        long theirsMs = (System.nanoTime() - t1) / 1_000_000;
        theirs = theirsMs + " ms";
        ratio = (double) oursMs / theirsMs;
        System.out.printf(
            "  openapi-diff: incompatible=%s, %d missing endpoints%n",
            result.isIncompatible(), result.getMissingEndpoints().size());
      } catch (TimeoutException e) {
        theirs = "> " + limitSeconds + " s";
        future.cancel(true);
      } catch (Exception | StackOverflowError e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        theirs = "failed: " + cause.getClass().getSimpleName();
        System.out.println(
            "  openapi-diff failed after "
                + (System.nanoTime() - t1) / 1_000_000
                + " ms: "
                + cause);
      } finally {
        pool.shutdownNow();
      }
      System.out.printf(
          "  interlock: %d changes, %d breaking; load %d ms, diff %d ms%n",
          ours.report().changes().size(),
          ours.report().breaking().size(),
          ours.loadMs(),
          ours.diffMs());
      System.out.printf(
          "%-36s %11d ms %14s %10s%n",
          pair, oursMs, theirs, Double.isNaN(ratio) ? "-" : String.format("%.3f", ratio));
    }
  }

  /** Interlock's verdict, with the time spent loading both files and the time spent diffing. */
  private record Ours(DiffReport report, long loadMs, long diffMs) {}

  private static Ours interlock(Path oldFile, Path newFile) {
    long t0 = System.nanoTime();
    ContractLoader oldLoader = new ContractLoader(LoadOptions.forRoot(oldFile.getParent()));
    ContractLoader newLoader = new ContractLoader(LoadOptions.forRoot(newFile.getParent()));
    OpenApiContract a = (OpenApiContract) oldLoader.load(oldFile).contract().orElseThrow();
    OpenApiContract b = (OpenApiContract) newLoader.load(newFile).contract().orElseThrow();
    long t1 = System.nanoTime();
    DiffReport report = OpenApiDiff.compare(a, b);
    return new Ours(report, (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
  }

  /** Three deliberate changes a reviewer would want flagged. */
  static String mutate(String spec) {
    String out = spec.replaceFirst("\n  /v1/account_links:\n", "\n  /v1/account_links_renamed:\n");
    out =
        out.replaceFirst(
            "(?m)^( +)- requires_capture\n", "$1- requires_capture\n$1- requires_review\n");
    return out;
  }
}
