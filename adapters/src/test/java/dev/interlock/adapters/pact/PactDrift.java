package dev.interlock.adapters.pact;

import au.com.dius.pact.consumer.junit5.PactTestFor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The drift check of a consumer test class: before the class it removes a stale generated pact;
 * after it (registered <em>before</em> {@code PactConsumerTestExt}, so its after-all runs once Pact
 * has written the file) it compares {@code target/pacts/order-sync-<provider>.json} with {@code
 * contracts/pacts/order-sync-<provider>.json} by {@link PactShape} and fails, naming the file, the
 * interaction and what differs, unless the difference is listed in {@code
 * src/test/resources/pact/known-drift.txt}. A listed difference that no longer occurs fails too, so
 * the list only ever shrinks.
 */
public final class PactDrift implements BeforeAllCallback, AfterAllCallback {

  static final String CONSUMER = "order-sync";

  static Path generatedDir() {
    return Path.of(System.getProperty("pact.rootDir", "target/pacts"));
  }

  static Path committedDir() {
    String contracts = System.getProperty("interlock.contracts");
    if (contracts == null || contracts.isBlank() || contracts.contains("${")) {
      contracts =
          Path.of(System.getProperty("interlock.root", "..")).resolve("contracts").toString();
    }
    return Path.of(contracts).resolve("pacts");
  }

  static String fileName(ExtensionContext ctx) {
    PactTestFor p = ctx.getRequiredTestClass().getAnnotation(PactTestFor.class);
    if (p == null || p.providerName().isEmpty()) {
      throw new IllegalStateException(
          "PactDrift needs @PactTestFor(providerName = ...) on the class");
    }
    return CONSUMER + "-" + p.providerName() + ".json";
  }

  @Override
  public void beforeAll(ExtensionContext ctx) throws IOException {
    Files.deleteIfExists(generatedDir().resolve(fileName(ctx)));
  }

  @Override
  public void afterAll(ExtensionContext ctx) {
    if (ctx.getExecutionException().isPresent()) {
      return; // the consumer tests failed already; no pact to compare
    }
    String name = fileName(ctx);
    Path generated = generatedDir().resolve(name);
    Path committed = committedDir().resolve(name);
    List<String> problems = compare(name, committed, generated);
    if (!problems.isEmpty()) {
      throw new AssertionError(
          "The pact order-sync now expects differs from the committed one ("
              + problems.size()
              + " difference(s)); update contracts/pacts/"
              + name
              + " from "
              + generated
              + " if the change is intended, or list it in "
              + "src/test/resources/pact/known-drift.txt:\n  "
              + String.join("\n  ", problems));
    }
  }

  /** Unexplained differences plus stale known-drift entries for this file. */
  static List<String> compare(String name, Path committed, Path generated) {
    String label = "contracts/pacts/" + name;
    if (!Files.exists(generated)) {
      return List.of(label + ": no pact was written to " + generated);
    }
    if (!Files.exists(committed)) {
      return List.of(label + ": missing (the consumer tests wrote " + generated + ")");
    }
    List<String> diffs =
        PactShape.diff(label, PactShape.read(committed), PactShape.read(generated));
    Set<String> known = knownDrift(label);
    List<String> out = new ArrayList<>();
    for (String d : diffs) {
      if (!known.remove(d)) {
        out.add(d);
      }
    }
    for (String stale : known) {
      out.add("no longer differs, remove from known-drift.txt: " + stale);
    }
    return out;
  }

  static Set<String> knownDrift(String label) {
    Set<String> out = new LinkedHashSet<>();
    try (InputStream in = PactDrift.class.getResourceAsStream("/pact/known-drift.txt")) {
      if (in == null) {
        return out;
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String l = line.strip();
        if (!l.isEmpty() && !l.startsWith("#") && l.startsWith(label + ":")) {
          out.add(l);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }
}
