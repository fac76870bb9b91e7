package dev.interlock.bench.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.compat.CompatReport;
import dev.interlock.compat.PactSpecCompatibility;
import dev.interlock.compat.SyntheticPacts;
import dev.interlock.core.ContractLoader;
import dev.interlock.core.LoadOptions;
import dev.interlock.core.contract.Contract;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.contract.PactContract;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Time of the pact ↔ OpenAPI compatibility check, side by side with
 * {@code @pactflow/swagger-mock-validator} (npm) on the same files: 1,000 generated interactions
 * against the Stripe spec, and 200 (repeated from the bundled pact) plus the bundled pact itself
 * against the payments spec.
 *
 * <p>Interlock runs in this JVM, once per input, after the pacts are generated: "check" excludes
 * loading the two files, "load+check" includes it. swagger-mock-validator runs once per input
 * through its CLI ({@code bench/compat-vs-smv.sh}, which installs it from npm into a temporary
 * folder) under a time limit; its time includes node start-up and loading. The ratio is its time
 * over Interlock's load+check.
 *
 * <p>Arguments: {@code [LIMIT-SECONDS] [STRIPE-SPEC]}, run from the repository root.
 */
public final class CompatBench {

  private record Input(String name, Path spec, Path pact) {}

  private record Timing(int interactions, long loadMs, long checkMs, CompatReport report) {}

  public static void main(String[] args) throws Exception {
    int limitSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 120;
    Path stripe =
        Path.of(
                args.length > 1
                    ? args[1]
                    : "../shared/corpus/openapi/stripe/stripe_spec3_2023-09-12_api-2023-08-16.yaml")
            .toAbsolutePath();
    Path payments = Path.of("contracts/openapi/payments/2025-01-15.yaml").toAbsolutePath();
    Path bundledPact = Path.of("contracts/pacts/order-sync-payments.json").toAbsolutePath();
    Path dir = Files.createTempDirectory("interlock-compat-bench");

    OpenApiContract stripeSpec = load(stripe);
    List<Input> inputs =
        List.of(
            new Input(
                "stripe (4 MB), generated GETs",
                stripe,
                SyntheticPacts.writeGets(
                    stripeSpec, "stripe", 1000, dir.resolve("stripe-1000.json"))),
            new Input(
                "payments, bundled pact repeated",
                payments,
                repeated(bundledPact, 200, dir.resolve("payments-200.json"))),
            new Input("payments, bundled pact", payments, bundledPact));
    System.out.println("pacts written to " + dir);

    List<Timing> ours = new ArrayList<>();
    for (Input in : inputs) {
      Timing t = interlock(in);
      ours.add(t);
      System.out.printf(
          "  interlock, %s: load %d ms, check %d ms, %d mismatches (%d errors)%n",
          in.name(),
          t.loadMs(),
          t.checkMs(),
          t.report().mismatches().size(),
          t.report().errors().size());
    }
    List<String> theirs = swaggerMockValidator(inputs, limitSeconds);

    System.out.printf(
        "%n%-34s %6s %12s %12s %22s %8s%n",
        "input", "inter.", "interlock", "interlock", "swagger-mock-validator", "ratio");
    System.out.printf("%-34s %6s %12s %12s %22s %8s%n", "", "", "check", "load+check", "", "");
    for (int i = 0; i < inputs.size(); i++) {
      Input in = inputs.get(i);
      Timing t = ours.get(i);
      long total = t.loadMs() + t.checkMs();
      String smv = theirs.get(i);
      // How many times longer swagger-mock-validator took; a lower bound when it hit the limit.
      String ratio =
          smv.startsWith("ok ")
              ? String.format("%.1f×", Double.parseDouble(smv.split(" ")[1]) / Math.max(1, total))
              : smv.equals("timeout")
                  ? String.format("> %.0f×", limitSeconds * 1000.0 / Math.max(1, total))
                  : "-";
      System.out.printf(
          "%-34s %6d %9d ms %9d ms %22s %8s%n",
          in.name(), t.interactions(), t.checkMs(), total, cell(smv, limitSeconds), ratio);
    }
  }

  /** The interactions of an existing pact repeated up to {@code count}, each description unique. */
  private static Path repeated(Path pactFile, int count, Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    JsonNode source = json.readTree(pactFile.toFile());
    ObjectNode pact = (ObjectNode) source.deepCopy();
    ArrayNode interactions = pact.putArray("interactions");
    JsonNode originals = source.get("interactions");
    for (int i = 0; i < count; i++) {
      ObjectNode it = (ObjectNode) originals.get(i % originals.size()).deepCopy();
      it.put("description", it.path("description").asText() + " #" + i);
      interactions.add(it);
    }
    Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(pact));
    return file;
  }

  private static Timing interlock(Input in) {
    long t0 = System.nanoTime();
    OpenApiContract spec = load(in.spec());
    PactContract pact = load(in.pact());
    long t1 = System.nanoTime();
    CompatReport report = PactSpecCompatibility.of(spec).check(pact);
    long t2 = System.nanoTime();
    return new Timing(
        pact.httpInteractions().size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, report);
  }

  @SuppressWarnings("unchecked")
  private static <T extends Contract> T load(Path file) {
    var result = new ContractLoader(LoadOptions.forRoot(file.getParent())).load(file);
    return (T)
        result
            .contract()
            .orElseThrow(() -> new IllegalStateException(file + ": " + result.diagnostics()));
  }

  /**
   * One line of {@code compat-vs-smv.sh} per input ("ok MS ERRORS", "timeout", "failed: …"), or the
   * install failure repeated for every input.
   */
  private static List<String> swaggerMockValidator(List<Input> inputs, int limitSeconds)
      throws Exception {
    List<String> command = new ArrayList<>(List.of("bench/compat-vs-smv.sh", "" + limitSeconds));
    for (Input in : inputs) {
      command.add(in.spec().toString());
      command.add(in.pact().toString());
    }
    System.out.printf(
        "  swagger-mock-validator: installing from npm, then %d runs of at most %d s each%n",
        inputs.size(), limitSeconds);
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        if (line.startsWith("version ")) {
          System.out.println("  swagger-mock-validator " + line.substring(8));
        } else if (line.startsWith("install-failed")) {
          System.out.println("  swagger-mock-validator not installed: " + line);
          return inputs.stream().map(in -> "npm install failed").toList();
        } else {
          System.out.println(
              "  swagger-mock-validator, " + inputs.get(lines.size()).name() + ": " + line);
          lines.add(line);
        }
      }
    }
    process.waitFor();
    while (lines.size() < inputs.size()) {
      lines.add("failed: no result (exit " + process.exitValue() + ")");
    }
    return lines;
  }

  private static String cell(String smv, int limitSeconds) {
    if (smv.startsWith("ok ")) {
      String[] parts = smv.split(" ");
      return parts[1] + " ms" + (parts[2].equals("0") ? "" : " (" + parts[2] + " err)");
    }
    return smv.equals("timeout") ? "> " + limitSeconds + " s" : smv;
  }
}
