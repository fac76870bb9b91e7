package dev.interlock.verifiers.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.contract.OpenApiOperation;
import dev.interlock.core.contract.PactContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 1,000 valid interactions against the Stripe contract (4 MB): all pass, and fast. */
class StripeScaleTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void checksAThousandInteractionsAgainstStripeInSeconds(@TempDir Path tmp) throws IOException {
    Path dir =
        Path.of(System.getProperty("interlock.corpus", "../../shared/corpus"), "openapi", "stripe");
    assumeTrue(Files.isDirectory(dir), "corpus absent");
    Path specFile;
    try (Stream<Path> files = Files.list(dir)) {
      specFile = files.filter(f -> f.toString().endsWith(".yaml")).findFirst().orElse(null);
    }
    assumeTrue(specFile != null, "stripe spec absent");
    long t0 = System.nanoTime();
    OpenApiContract spec = Contracts.load(dir, specFile.getFileName().toString());
    long loaded = System.nanoTime();

    List<OpenApiOperation> gets =
        spec.operations().stream()
            .filter(o -> o.method().equals("GET"))
            .filter(
                o ->
                    !spec.source()
                        .at(
                            spec.source()
                                .deref(o.pointer().append("responses").append("200"))
                                .append("content")
                                .append("application/json"))
                        .isMissingNode())
            .toList();
    ObjectNode pact = JSON.createObjectNode();
    pact.putObject("consumer").put("name", "scale");
    pact.putObject("provider").put("name", "stripe");
    ArrayNode interactions = pact.putArray("interactions");
    for (int i = 0; i < 1000; i++) {
      OpenApiOperation op = gets.get(i % gets.size());
      ObjectNode it = interactions.addObject();
      it.put("description", "GET " + op.path() + " #" + i);
      ObjectNode rq = it.putObject("request");
      rq.put("method", "GET");
      rq.put("path", op.path().replaceAll("\\{[^}]+}", "abc" + (i % 7)));
      rq.putObject("headers").put("Authorization", "Bearer sk_test_123");
      ObjectNode query = JSON.createObjectNode();
      JsonNode params = spec.source().at(op.pointer().append("parameters"));
      for (int k = 0; k < params.size(); k++) {
        JsonNode p =
            spec.source().at(spec.source().deref(op.pointer().append("parameters").append(k)));
        if (p.path("in").asText().equals("query") && p.path("required").asBoolean(false)) {
          JsonNode schema = p.path("schema");
          String value =
              schema.path("enum").isArray()
                  ? schema.path("enum").get(0).asText()
                  : switch (schema.path("type").asText("string")) {
                    case "integer", "number" -> "1";
                    case "boolean" -> "true";
                    default -> "abc";
                  };
          query.putArray(p.path("name").asText()).add(value);
        }
      }
      if (!query.isEmpty()) {
        rq.set("query", query);
      }
      ObjectNode rs = it.putObject("response");
      rs.put("status", 200);
      rs.putObject("headers").put("Content-Type", "application/json");
      rs.set("body", minimalBody(spec, op));
    }
    pact.putObject("metadata").putObject("pactSpecification").put("version", "3.0.0");
    Files.writeString(tmp.resolve("scale-stripe.json"), JSON.writeValueAsString(pact));
    PactContract pactContract = Contracts.load(tmp, "scale-stripe.json");

    long start = System.nanoTime();
    CompatReport report = PactSpecCompatibility.check(pactContract, spec);
    long end = System.nanoTime();

    System.out.printf(
        "stripe: spec load %d ms; 1000 interactions checked in %d ms (%d mismatches)%n",
        (loaded - t0) / 1_000_000, (end - start) / 1_000_000, report.mismatches().size());
    assertThat(report.errors())
        .as(
            () ->
                CompatRenderer.relativeToWorkingDirectory()
                    .text(report.errors().stream().limit(5).toList()))
        .isEmpty();
    assertThat(report.toCheckResults()).hasSize(2000);
    // Target: under 10 s (measured 4.2 s on 2 busy cores); the assertion leaves room for slow CI.
    long ms = (end - start) / 1_000_000;
    assertThat(ms).as("1,000 Stripe interactions checked in %d ms", ms).isLessThan(30_000);
  }

  /** {"object": "<the constant>"} when the 200 schema declares one, else {}. */
  private static JsonNode minimalBody(OpenApiContract spec, OpenApiOperation op) {
    ObjectNode body = JSON.createObjectNode();
    JsonNode schema =
        spec.source()
            .at(
                spec.source()
                    .deref(
                        op.pointer()
                            .append("responses")
                            .append("200")
                            .append("content")
                            .append("application/json")
                            .append("schema")));
    if (schema.isObject() && schema.has("$ref")) {
      schema =
          spec.source()
              .at(
                  spec.source()
                      .deref(dev.interlock.core.JsonPointer.parse(schema.get("$ref").asText())));
    }
    JsonNode object = schema.path("properties").path("object").path("enum");
    if (object.isArray() && object.size() == 1) {
      body.set("object", object.get(0));
    }
    return body;
  }
}
