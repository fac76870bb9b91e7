package dev.interlock.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.core.Diagnostic;
import dev.interlock.core.DiagnosticRenderer;
import dev.interlock.core.Severity;
import dev.interlock.core.run.CheckResult;
import dev.interlock.core.run.Evidence;
import dev.interlock.core.run.RunReport;
import dev.interlock.reports.internal.RunView;
import dev.interlock.reports.internal.TextFormat;
import dev.interlock.reports.internal.Timeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

/**
 * {@code allure-results/}: Allure 2 result files from a run, so {@code allure generate} (or {@code
 * mvn allure:report}) renders the Allure HTML offline without re-running anything.
 *
 * <p>Per result one {@code <uuid>-result.json} with name (subject), fullName, status,
 * statusDetails, labels ({@code suite} = vendor, {@code feature} = check family, {@code story} =
 * check id, {@code severity}, {@code tag}s from the result's labels), one step per finding and per
 * timeline event, and one {@code <uuid>-attachment.txt|json} per evidence. {@code historyId} is
 * stable across runs (check id, vendor, operation, subject), so Allure's history and retries line
 * up. {@code environment.properties} carries the seed, the command and the Interlock version.
 * Earlier result and attachment files in the folder are removed first; {@code history/} is kept.
 */
public final class AllureResultsWriter implements ReportWriter {

  public static final String DIR = "allure-results";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ReportOptions options;

  AllureResultsWriter(ReportOptions options) {
    this.options = options;
  }

  @Override
  public String format() {
    return "allure";
  }

  @Override
  public Path output(Path dir) {
    return dir.resolve(DIR);
  }

  @Override
  public void write(RunReport run, Path dir) {
    Path out = output(dir);
    RunView view = new RunView(run, options);
    try {
      Files.createDirectories(out);
      clean(out);
      DiagnosticRenderer renderer = new DiagnosticRenderer(options.sourceRoot());
      long clock = run.startedAt() == null ? 0 : run.startedAt().toEpochMilli();
      int index = 0;
      for (CheckResult r : run.results()) {
        long start = clock;
        long stop = start + millis(r.duration());
        clock = stop;
        UUID uuid = uuid(run, "result", index++);
        ObjectNode result = result(r, uuid, start, stop, renderer, out, run);
        Files.writeString(
            out.resolve(uuid + "-result.json"),
            JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
      }
      Properties env = new Properties();
      env.setProperty("Interlock", run.interlockVersion());
      env.setProperty("Seed", Long.toString(run.seed()));
      env.setProperty("Command", view.reproduce());
      env.setProperty("Started", run.startedAt() == null ? "" : run.startedAt().toString());
      env.setProperty("Contracts", Integer.toString(run.contracts().size()));
      try (var w =
          Files.newBufferedWriter(out.resolve("environment.properties"), StandardCharsets.UTF_8)) {
        env.store(w, null);
      }
      Files.writeString(out.resolve("categories.json"), CATEGORIES);
    } catch (IOException e) {
      throw ReportWriter.failure(out, e);
    }
  }

  private ObjectNode result(
      CheckResult r,
      UUID uuid,
      long start,
      long stop,
      DiagnosticRenderer renderer,
      Path out,
      RunReport run)
      throws IOException {
    ObjectNode o = JSON.createObjectNode();
    String fullName = r.checkId() + " · " + RunView.vendorOf(r) + " · " + r.subject();
    String identity = String.join("\u0000", r.checkId(), r.vendor(), r.operation(), r.subject());
    o.put("uuid", uuid.toString());
    o.put("historyId", TextFormat.sha256(identity).substring(0, 32));
    o.put("testCaseId", TextFormat.sha256(r.checkId()).substring(0, 32));
    o.put("name", r.subject().isBlank() ? r.checkId() : r.subject());
    o.put("fullName", fullName);
    o.put("description", r.message());
    o.put("status", status(r));
    o.put("stage", "finished");
    o.put("start", start);
    o.put("stop", stop);
    ObjectNode details = o.putObject("statusDetails");
    details.put("message", r.message());
    if (!r.findings().isEmpty()) {
      details.put("trace", renderer.render(r.findings()));
    }
    details.put("known", false);
    details.put("muted", false);
    details.put("flaky", false);

    ArrayNode labels = o.putArray("labels");
    label(labels, "suite", RunView.vendorOf(r));
    label(labels, "feature", r.family());
    label(labels, "story", r.checkId());
    label(labels, "severity", severity(r.severity()));
    label(labels, "parentSuite", "Interlock");
    label(labels, "subSuite", r.family());
    label(labels, "framework", "interlock");
    label(labels, "language", "java");
    label(labels, "testClass", "interlock." + r.checkId());
    if (!r.operation().isBlank()) {
      label(labels, "tag", r.operation());
    }
    RunView.tags(r).forEach((k, v) -> label(labels, "tag", k + "=" + v));

    ArrayNode params = o.putArray("parameters");
    params.addObject().put("name", "seed").put("value", Long.toString(run.seed()));
    if (!r.operation().isBlank()) {
      params.addObject().put("name", "operation").put("value", r.operation());
    }

    ArrayNode steps = o.putArray("steps");
    for (Diagnostic d : r.findings()) {
      ObjectNode step =
          step(
              steps,
              d.code() + ": " + d.message(),
              d.isError() && r.failed() ? "failed" : "passed",
              start,
              stop);
      ObjectNode sd = step.putObject("statusDetails");
      sd.put("message", renderer.render(d));
    }
    ArrayNode attachments = o.putArray("attachments");
    int n = 0;
    for (Evidence e : r.evidence()) {
      if (Evidence.TIMELINE.equals(e.mediaType())) {
        Timeline.parse(e.content(), r.labels().getOrDefault("scenario", r.subject()))
            .ifPresent(t -> timelineSteps(steps, t, start));
      }
      boolean json = e.mediaType() != null && e.mediaType().contains("json");
      String source = uuid(run, uuid.toString(), n++) + "-attachment." + (json ? "json" : "txt");
      Files.writeString(out.resolve(source), e.content() == null ? "" : e.content());
      attachments
          .addObject()
          .put("name", e.label())
          .put("source", source)
          .put("type", json ? "application/json" : "text/plain");
    }
    return o;
  }

  private static void timelineSteps(ArrayNode steps, Timeline t, long start) {
    ObjectNode parent = step(steps, "timeline: " + t.scenario(), "passed", start, start + t.span());
    ArrayNode children = parent.putArray("steps");
    for (Timeline.Event e : t.events()) {
      String name;
      String status = "passed";
      if (e.attempt()) {
        name = "attempt " + e.operation() + " → " + e.statusText();
        status = e.status() >= 200 && e.status() < 400 ? "passed" : "broken";
      } else if (e.waiting()) {
        name = "wait " + e.ms() + " ms" + (e.reason() == null ? "" : " (" + e.reason() + ")");
      } else {
        name = e.text() == null ? e.kind() : e.text();
      }
      step(children, "+" + e.t() + " ms " + name, status, start + e.t(), start + e.end());
    }
  }

  private static ObjectNode step(
      ArrayNode steps, String name, String status, long start, long stop) {
    ObjectNode s = steps.addObject();
    s.put("name", TextFormat.shorten(TextFormat.oneLine(name), 500));
    s.put("status", status);
    s.put("stage", "finished");
    s.put("start", start);
    s.put("stop", stop);
    return s;
  }

  private static void label(ArrayNode labels, String name, String value) {
    labels.addObject().put("name", name).put("value", value);
  }

  private static String status(CheckResult r) {
    return switch (r.outcome()) {
      case PASSED -> "passed";
      case FAILED -> "failed";
      case SKIPPED -> "skipped";
    };
  }

  /** Allure's severities: blocker, critical, normal, minor, trivial. */
  private static String severity(Severity s) {
    return switch (s) {
      case ERROR -> "critical";
      case WARNING -> "normal";
      case INFO -> "minor";
    };
  }

  /** Deterministic per run, distinct across runs. */
  private static UUID uuid(RunReport run, String kind, int index) {
    Instant started = run.startedAt() == null ? Instant.EPOCH : run.startedAt();
    String key = run.seed() + "/" + started + "/" + kind + "/" + index;
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
  }

  private static long millis(Duration d) {
    return d == null ? 0 : Math.max(0, d.toMillis());
  }

  private static void clean(Path out) throws IOException {
    try (DirectoryStream<Path> files =
        Files.newDirectoryStream(
            out,
            "{*-result.json,*-container.json,*-attachment.*,environment.properties,categories.json}")) {
      for (Path f : files) {
        if (Files.isRegularFile(f)) {
          Files.delete(f);
        }
      }
    }
  }

  private static final String CATEGORIES =
      """
      [
        {"name": "Breaking changes", "matchedStatuses": ["failed"], "messageRegex": "(?s).*(breaking|removed|incompatible).*"},
        {"name": "Contract mismatches", "matchedStatuses": ["failed"]},
        {"name": "Skipped checks", "matchedStatuses": ["skipped"]}
      ]
      """;
}
