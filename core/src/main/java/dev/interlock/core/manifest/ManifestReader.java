package dev.interlock.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interlock.core.Diagnostic;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.Severity;
import dev.interlock.core.document.SourceDocument;
import dev.interlock.core.schema.JsonSchemaValidator;
import dev.interlock.core.schema.SchemaDialect;
import dev.interlock.core.schema.SchemaViolation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Validates a manifest against its JSON Schema and reads it into a {@link Manifest}. */
public final class ManifestReader {

  public static final String SCHEMA_RESOURCE =
      "/dev/interlock/core/manifest/interlock-manifest.schema.json";

  private static final JsonNode SCHEMA_TREE = loadSchemaTree();
  private static final JsonSchemaValidator SCHEMA =
      JsonSchemaValidator.forSchema(SCHEMA_TREE, SchemaDialect.DRAFT_2020_12);
  private static final UndescribedScenarioKeys SCENARIO_KEYS =
      new UndescribedScenarioKeys(SCHEMA_TREE);

  public Optional<Manifest> read(SourceDocument doc, List<Diagnostic> out) {
    int before = out.size();
    for (SchemaViolation v : SCHEMA.validate(JsonPointer.ROOT, doc.root())) {
      out.add(
          Diagnostic.error("contract.manifest.invalid", "manifest: " + v.message())
              .at(doc.locate(v.instancePointer()))
              .hint("the manifest's schema is documented in docs/manifest.md")
              .build());
    }
    if (out.size() > before) {
      return Optional.empty();
    }
    JsonNode root = doc.root();
    Path base = doc.file().toAbsolutePath().getParent();
    Map<String, Manifest.Vendor> vendors = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> v : entries(root.path("vendors"))) {
      JsonNode node = v.getValue();
      Map<String, Manifest.VendorVersion> versions = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> ver : entries(node.path("versions"))) {
        JsonPointer at = JsonPointer.of("vendors", v.getKey(), "versions", ver.getKey());
        Path contract = base.resolve(ver.getValue().path("contract").asText()).normalize();
        checkExists(doc, at.append("contract"), contract, out);
        versions.put(
            ver.getKey(),
            new Manifest.VendorVersion(
                ver.getKey(),
                contract,
                ver.getValue().path("status").asText("live"),
                date(doc, at.append("sunset"), ver.getValue().path("sunset"), out)));
      }
      vendors.put(
          v.getKey(),
          new Manifest.Vendor(
              v.getKey(),
              node.path("title").asText(v.getKey()),
              auth(node.path("auth")),
              versions,
              node.path("policy")));
    }
    Map<String, Manifest.EventSystem> events = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : entries(root.path("events"))) {
      Path contract = base.resolve(e.getValue().path("contract").asText()).normalize();
      checkExists(doc, JsonPointer.of("events", e.getKey(), "contract"), contract, out);
      events.put(
          e.getKey(),
          new Manifest.EventSystem(
              e.getKey(),
              contract,
              e.getValue().path("transport").asText("in-memory"),
              e.getValue().path("signing"),
              e.getValue().path("kafka")));
    }
    Map<String, Manifest.Adapter> adapters = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> a : entries(root.path("adapters"))) {
      JsonNode node = a.getValue();
      Map<String, String> uses = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> u : entries(node.path("uses"))) {
        uses.put(u.getKey(), u.getValue().asText());
        if (!vendors.isEmpty()
            && vendors.containsKey(u.getKey())
            && !vendors.get(u.getKey()).versions().containsKey(u.getValue().asText())) {
          out.add(
              Diagnostic.error(
                      "contract.manifest.unknown-version",
                      "adapter uses a version the manifest does not list")
                  .at(doc.locate(JsonPointer.of("adapters", a.getKey(), "uses", u.getKey())))
                  .expected("one of " + vendors.get(u.getKey()).versions().keySet())
                  .actual(u.getValue().asText())
                  .build());
        }
      }
      List<Path> pacts = new ArrayList<>();
      int i = 0;
      for (JsonNode p : node.path("pacts")) {
        Path pact = base.resolve(p.asText()).normalize();
        checkExists(doc, JsonPointer.of("adapters", a.getKey(), "pacts").append(i++), pact, out);
        pacts.add(pact);
      }
      adapters.put(
          a.getKey(),
          new Manifest.Adapter(
              a.getKey(), texts(node.path("consumes")), texts(node.path("emits")), uses, pacts));
    }
    SCENARIO_KEYS.check(doc, out);
    Map<String, JsonNode> scenarios = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> s : entries(root.path("scenarios"))) {
      scenarios.put(s.getKey(), s.getValue());
    }
    Map<String, Optional<Severity>> severities = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> s : entries(root.path("lint").path("severity"))) {
      severities.put(s.getKey(), Optional.ofNullable(Severity.fromLabel(s.getValue().asText())));
    }
    return Optional.of(
        new Manifest(
            doc,
            root.path("name").asText(""),
            vendors,
            events,
            adapters,
            scenarios,
            severities,
            broker(root.path("broker"))));
  }

  private static void checkExists(
      SourceDocument doc, JsonPointer at, Path file, List<Diagnostic> out) {
    if (!Files.isRegularFile(file)) {
      out.add(
          Diagnostic.error(
                  "contract.manifest.missing-file", "manifest names a file that does not exist")
              .at(doc.locate(at))
              .actual(doc.at(at).asText())
              .hint("paths are relative to the folder holding interlock.yaml")
              .build());
    }
  }

  private static Optional<LocalDate> date(
      SourceDocument doc, JsonPointer at, JsonNode node, List<Diagnostic> out) {
    if (node.isMissingNode() || node.isNull()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(node.asText()));
    } catch (DateTimeParseException e) {
      out.add(
          Diagnostic.error("contract.manifest.invalid", "manifest: sunset is not a date")
              .at(doc.locate(at))
              .expected("YYYY-MM-DD")
              .actual(node.asText())
              .build());
      return Optional.empty();
    }
  }

  private static Optional<Manifest.Broker> broker(JsonNode node) {
    if (!node.isObject()) {
      return Optional.empty();
    }
    return Optional.of(
        new Manifest.Broker(
            node.path("url").asText(),
            optionalText(node.path("token")),
            optionalText(node.path("username")),
            optionalText(node.path("password")),
            optionalText(node.path("provider")),
            optionalText(node.path("providerVersion")),
            optionalText(node.path("branch"))));
  }

  private static Optional<String> optionalText(JsonNode node) {
    return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
  }

  private static Manifest.Auth auth(JsonNode node) {
    if (node.isMissingNode()) {
      return Manifest.Auth.none();
    }
    Map<String, String> settings = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : entries(node)) {
      if (!e.getKey().equals("type")) {
        settings.put(
            e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
      }
    }
    return new Manifest.Auth(node.path("type").asText("none"), settings);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static Iterable<Map.Entry<String, JsonNode>> entries(JsonNode node) {
    return () -> {
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      return it;
    };
  }

  private static JsonNode loadSchemaTree() {
    try (InputStream in = ManifestReader.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
