package dev.interlock.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.core.Diagnostic;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.Severity;
import dev.interlock.core.SourceLocation;
import dev.interlock.core.run.ChangeImpact;
import dev.interlock.core.run.CheckResult;
import dev.interlock.core.run.ContractInfo;
import dev.interlock.core.run.Evidence;
import dev.interlock.core.run.Facts;
import dev.interlock.core.run.OperationCoverage;
import dev.interlock.core.run.Outcome;
import dev.interlock.core.run.RunReport;
import dev.interlock.reports.internal.RunView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The JSON form of a {@link RunReport} ({@code interlock-report.json}), and its reader, so that
 * {@code interlock report --from FILE} can re-render every other format from a saved run.
 *
 * <p>The shape is published as a JSON Schema (draft 2020-12) at {@link #SCHEMA_RESOURCE}. The seed
 * is written as a decimal string because JavaScript readers lose precision on 64-bit integers; the
 * reader accepts a number too. Durations are ISO-8601 ({@code PT1.25S}), instants RFC 3339 UTC.
 */
public final class RunReportJson {

  /** Version of the JSON shape; bumped on an incompatible change. */
  public static final int FORMAT_VERSION = 1;

  /** The {@code $id} of the published schema. */
  public static final String SCHEMA_ID = "https://interlock.dev/schemas/run-report/v1.json";

  /** Classpath location of the schema. */
  public static final String SCHEMA_RESOURCE = "/dev/interlock/reports/run-report.schema.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RunReportJson() {}

  /**
   * The run as JSON text, file paths relative to {@code options.sourceRoot}. It serializes what it
   * is given: {@link Reports} redacts a run before writing it.
   */
  public static String toJson(RunReport run, ReportOptions options) {
    try {
      return JSON.writeValueAsString(toTree(run, options)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  public static void write(RunReport run, ReportOptions options, Path file) {
    try {
      if (file.toAbsolutePath().getParent() != null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
      }
      Files.writeString(file, toJson(run, options));
    } catch (IOException e) {
      throw ReportWriter.failure(file, e);
    }
  }

  /**
   * Reads a saved run. Relative finding paths stay relative (to the repository root they were
   * written against).
   *
   * @throws IllegalArgumentException when the file is not a run report, with what and where
   * @throws UncheckedIOException when it cannot be read
   */
  public static RunReport read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read run report " + file + ": " + e.getMessage(), e);
    }
    try {
      return fromJson(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /** Parses JSON text written by {@link #toJson}. */
  public static RunReport fromJson(String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "not valid JSON (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + "): "
              + e.getOriginalMessage(),
          e);
    }
    if (root == null || !root.isObject() || !root.has("results")) {
      throw new IllegalArgumentException("not an Interlock run report: no 'results' member");
    }
    int version = root.path("formatVersion").asInt(FORMAT_VERSION);
    if (version > FORMAT_VERSION) {
      throw new IllegalArgumentException(
          "run report format "
              + version
              + " is newer than this Interlock reads ("
              + FORMAT_VERSION
              + ")");
    }
    try {
      return new RunReport(
          root.path("interlockVersion").asText(""),
          Long.parseLong(root.path("seed").asText("0")),
          root.path("command").asText(""),
          root.hasNonNull("startedAt")
              ? Instant.parse(root.get("startedAt").asText())
              : Instant.EPOCH,
          duration(root.get("duration")),
          list(root.path("contracts"), RunReportJson::contract),
          list(root.path("results"), RunReportJson::result),
          list(root.path("coverage"), RunReportJson::coverage));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("malformed run report: " + e.getMessage(), e);
    }
  }

  // ---- writing

  static ObjectNode toTree(RunReport run, ReportOptions options) {
    RunView view = new RunView(run, options);
    ObjectNode root = JSON.createObjectNode();
    root.put("$schema", SCHEMA_ID);
    root.put("formatVersion", FORMAT_VERSION);
    root.put("interlockVersion", run.interlockVersion());
    root.put("seed", Long.toString(run.seed()));
    root.put("command", run.command());
    root.put("startedAt", run.startedAt() == null ? null : run.startedAt().toString());
    root.put(
        "duration", run.duration() == null ? Duration.ZERO.toString() : run.duration().toString());
    ObjectNode summary = root.putObject("summary");
    summary.put("verdict", view.verdict());
    summary.put("total", run.results().size());
    summary.put("passed", view.passed());
    summary.put("failed", view.failed());
    summary.put("skipped", view.skipped());
    ArrayNode contracts = root.putArray("contracts");
    for (ContractInfo c : run.contracts()) {
      contracts
          .addObject()
          .put("path", c.path())
          .put("kind", c.kind())
          .put("vendor", c.vendor())
          .put("version", c.version())
          .put("sha256", c.sha256());
    }
    ArrayNode results = root.putArray("results");
    for (CheckResult r : run.results()) {
      ObjectNode o = results.addObject();
      o.put("checkId", r.checkId());
      o.put("family", r.family());
      o.put("subject", r.subject());
      o.put("vendor", r.vendor());
      o.put("operation", r.operation());
      o.put("outcome", r.outcome().name());
      o.put("severity", r.severity().name());
      o.put("message", r.message());
      o.put("duration", r.duration() == null ? Duration.ZERO.toString() : r.duration().toString());
      writeFacts(o.putObject("facts"), r.facts());
      ObjectNode labels = o.putObject("labels");
      new TreeMap<>(r.labels()).forEach(labels::put);
      ArrayNode findings = o.putArray("findings");
      for (Diagnostic d : r.findings()) {
        ObjectNode f = findings.addObject();
        f.put("severity", d.severity().name());
        f.put("code", d.code());
        f.put("message", d.message());
        ObjectNode loc = f.putObject("location");
        SourceLocation l = d.location();
        loc.put("file", view.displayPath(l.file()));
        loc.put("line", l.line());
        loc.put("column", l.column());
        loc.put("pointer", l.pointer().value());
        putOptional(f, "expected", d.expected());
        putOptional(f, "actual", d.actual());
        putOptional(f, "hint", d.hint());
      }
      ArrayNode evidence = o.putArray("evidence");
      for (Evidence e : r.evidence()) {
        evidence
            .addObject()
            .put("label", e.label())
            .put("mediaType", e.mediaType())
            .put("content", e.content());
      }
    }
    ArrayNode coverage = root.putArray("coverage");
    for (OperationCoverage c : run.coverage()) {
      ObjectNode o =
          coverage
              .addObject()
              .put("vendor", c.vendor())
              .put("version", c.version())
              .put("operation", c.operation());
      ArrayNode by = o.putArray("exercisedBy");
      c.exercisedBy().forEach(by::add);
    }
    return root;
  }

  private static void writeFacts(ObjectNode o, Facts f) {
    o.put("version", f.version());
    o.put("consumer", f.consumer());
    ArrayNode changes = o.putArray("changes");
    for (ChangeImpact c : f.changes()) {
      changes
          .addObject()
          .put("ruleId", c.ruleId())
          .put("level", c.level())
          .put("operation", c.operation())
          .put("consumer", c.consumer())
          .put("interaction", c.interaction());
    }
    f.internalError().ifPresent(e -> o.put("internalError", e));
  }

  private static void putOptional(ObjectNode o, String name, String value) {
    if (value != null) {
      o.put(name, value);
    }
  }

  // ---- reading

  private interface NodeReader<T> {
    T read(JsonNode node);
  }

  private static <T> List<T> list(JsonNode array, NodeReader<T> reader) {
    List<T> out = new ArrayList<>();
    int i = 0;
    for (JsonNode n : array) {
      try {
        out.add(reader.read(n));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("item " + i + ": " + e.getMessage(), e);
      }
      i++;
    }
    return out;
  }

  private static ContractInfo contract(JsonNode n) {
    return new ContractInfo(
        text(n, "path"), text(n, "kind"), text(n, "vendor"), text(n, "version"), text(n, "sha256"));
  }

  private static OperationCoverage coverage(JsonNode n) {
    List<String> by = new ArrayList<>();
    n.path("exercisedBy").forEach(x -> by.add(x.asText()));
    return new OperationCoverage(text(n, "vendor"), text(n, "version"), text(n, "operation"), by);
  }

  private static CheckResult result(JsonNode n) {
    Map<String, String> labels = new LinkedHashMap<>();
    n.path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    Facts facts = n.has("facts") ? facts(n.get("facts")) : factsFromLabels(labels);
    return new CheckResult(
        required(n, "checkId"),
        text(n, "subject"),
        text(n, "vendor"),
        text(n, "operation"),
        Outcome.valueOf(required(n, "outcome")),
        Severity.valueOf(n.path("severity").asText("ERROR")),
        text(n, "message"),
        list(n.path("findings"), RunReportJson::finding),
        list(
            n.path("evidence"),
            e -> new Evidence(text(e, "label"), text(e, "mediaType"), text(e, "content"))),
        duration(n.get("duration")),
        facts,
        labels);
  }

  private static Facts facts(JsonNode n) {
    return new Facts(
        text(n, "version"),
        text(n, "consumer"),
        list(
            n.path("changes"),
            c ->
                new ChangeImpact(
                    text(c, "ruleId"),
                    text(c, "level"),
                    text(c, "operation"),
                    text(c, "consumer"),
                    text(c, "interaction"))),
        n.hasNonNull("internalError")
            ? Optional.of(n.get("internalError").asText())
            : Optional.empty());
  }

  /**
   * Reports saved before results carried typed facts kept them as labels; they are read as facts so
   * that such a report renders as a new one does.
   */
  private static Facts factsFromLabels(Map<String, String> labels) {
    String version = labels.remove("version");
    String consumer = labels.remove("consumer");
    String internalError = labels.remove("internal-error");
    return new Facts(
        version == null ? "" : version,
        consumer == null ? "" : consumer,
        List.of(),
        Optional.ofNullable(internalError));
  }

  private static Diagnostic finding(JsonNode n) {
    JsonNode l = n.path("location");
    String file = l.hasNonNull("file") ? l.get("file").asText() : null;
    SourceLocation location =
        new SourceLocation(
            file == null ? null : Path.of(file),
            l.path("line").asInt(0),
            l.path("column").asInt(0),
            l.hasNonNull("pointer")
                ? JsonPointer.parse(l.get("pointer").asText())
                : JsonPointer.ROOT);
    return new Diagnostic(
        Severity.valueOf(n.path("severity").asText("ERROR")),
        required(n, "code"),
        text(n, "message"),
        location,
        n.hasNonNull("expected") ? n.get("expected").asText() : null,
        n.hasNonNull("actual") ? n.get("actual").asText() : null,
        n.hasNonNull("hint") ? n.get("hint").asText() : null);
  }

  private static Duration duration(JsonNode n) {
    if (n == null || n.isNull()) {
      return Duration.ZERO;
    }
    return n.isNumber() ? Duration.ofMillis(n.asLong()) : Duration.parse(n.asText());
  }

  private static String text(JsonNode n, String name) {
    JsonNode v = n.get(name);
    return v == null || v.isNull() ? "" : v.asText();
  }

  private static String required(JsonNode n, String name) {
    JsonNode v = n.get(name);
    if (v == null || v.isNull() || v.asText().isEmpty()) {
      throw new IllegalArgumentException("'" + name + "' is missing");
    }
    return v.asText();
  }
}
