package dev.interlock.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.core.Diagnostic;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.SourceLocation;
import dev.interlock.core.contract.PactContract;
import dev.interlock.core.contract.PactInteraction;
import dev.interlock.core.document.SourceDocument;
import java.util.List;
import java.util.Optional;

/**
 * Reads Pact V2, V3 and V4 files (HTTP, message and mixed). Pact JVM's reader comes first, as the
 * reference; where it fails on a file another pact tool wrote (it throws on some V4 shapes the Rust
 * core and plugins write), {@link PactJsonReader} reads the documented JSON instead and an info
 * diagnostic ({@code contract.pact.reader}) says so and why. The specification version comes from
 * the raw document, because Pact JVM upgrades what it reads.
 */
public final class PactReader {

  public static final String READER_CODE = "contract.pact.reader";

  /**
   * Whether a document is a test case of the Pact specification, read as a pact of one interaction
   * (see {@link PactTestCaseReader}).
   */
  public static boolean isPactTestCase(JsonNode root) {
    return PactTestCaseReader.isTestCase(root);
  }

  public Optional<PactContract> read(SourceDocument doc, List<Diagnostic> out) {
    if (isPactTestCase(doc.root())) {
      out.add(
          Diagnostic.info(
                  READER_CODE,
                  "read as a Pact specification test case: its expected "
                      + (PactTestCaseReader.isRequestCase(doc.root()) ? "request" : "response")
                      + " is one interaction")
              .at(doc.locate(JsonPointer.of("expected")))
              .build());
      return Optional.of(
          new PactContract(
              doc, specVersion(doc.root()), "", "", new PactTestCaseReader().read(doc.root())));
    }
    String version = specVersion(doc.root());
    int major = major(version);
    if (major < 1 || major > 4) {
      out.add(
          Diagnostic.error(
                  "contract.version.unsupported",
                  "unsupported Pact specification version '" + version + "'")
              .at(doc.locate(JsonPointer.of("metadata")))
              .expected("1.x to 4.x")
              .actual(version)
              .build());
      return Optional.empty();
    }
    String array =
        doc.root().has("messages") && !doc.root().has("interactions") ? "messages" : "interactions";
    String consumer;
    String provider;
    List<PactInteraction> interactions;
    try {
      PactJvmReader.Read read = new PactJvmReader().read(doc, array);
      consumer = read.consumer();
      provider = read.provider();
      interactions = read.interactions();
    } catch (RuntimeException | LinkageError e) {
      PactJsonReader.Read read = new PactJsonReader().read(doc.root(), array, major == 4);
      out.add(
          Diagnostic.info(
                  READER_CODE,
                  "read by Interlock's reader of the pact JSON: Pact JVM could not read it")
              .at(SourceLocation.of(doc.file()))
              .actual(e.getClass().getSimpleName() + firstLine(e.getMessage()))
              .build());
      for (PactJsonReader.Problem p : read.problems()) {
        out.add(
            Diagnostic.error("contract.pact.invalid", "interaction cannot be read")
                .at(doc.locate(p.at()))
                .expected(p.message())
                .build());
      }
      consumer = read.consumer();
      provider = read.provider();
      interactions = read.interactions();
    }
    if (consumer.isBlank() || provider.isBlank()) {
      out.add(
          Diagnostic.error("contract.pact.invalid", "pact does not name its consumer and provider")
              .at(doc.locate(JsonPointer.ROOT))
              .expected("\"consumer\": {\"name\": ...} and \"provider\": {\"name\": ...}")
              .build());
    }
    return Optional.of(
        new PactContract(doc, version, consumer, provider, List.copyOf(interactions)));
  }

  static String specVersion(JsonNode root) {
    JsonNode metadata = root.path("metadata");
    for (String key : List.of("pactSpecification", "pact-specification")) {
      JsonNode v = metadata.path(key).path("version");
      if (v.isTextual()) {
        return v.asText();
      }
    }
    JsonNode v = metadata.path("pactSpecificationVersion");
    return v.isTextual() ? v.asText() : "2.0.0";
  }

  private static int major(String version) {
    try {
      return Integer.parseInt(version.split("\\.")[0].trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String firstLine(String s) {
    if (s == null || s.isBlank()) {
      return "";
    }
    int nl = s.indexOf('\n');
    return ": " + (nl < 0 ? s : s.substring(0, nl));
  }
}
