package dev.interlock.reports;

import dev.interlock.core.Diagnostic;
import dev.interlock.core.DiagnosticRenderer;
import dev.interlock.core.run.CheckResult;
import dev.interlock.core.run.Evidence;
import dev.interlock.core.run.Outcome;
import dev.interlock.core.run.RunReport;
import dev.interlock.reports.internal.RunView;
import dev.interlock.reports.internal.TextFormat;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code junit/TEST-interlock.xml} in the Surefire format CI servers read: one {@code testsuite}
 * per check family ({@code interlock.pact}), one {@code testcase} per result (classname {@code
 * interlock.<checkId>}, name the subject), {@code failure} (type = severity) with the message and
 * the findings rendered compiler-style, {@code skipped} with its reason. Run facts (seed, command,
 * versions) are {@code properties} of every suite.
 */
public final class JUnitXmlWriter implements ReportWriter {

  public static final String FILE = "junit/TEST-interlock.xml";

  /** Evidence is cut to this many characters per item inside a failure's text. */
  private static final int EVIDENCE_LIMIT = 4_000;

  private final ReportOptions options;

  JUnitXmlWriter(ReportOptions options) {
    this.options = options;
  }

  @Override
  public String format() {
    return "junit";
  }

  @Override
  public Path output(Path dir) {
    return dir.resolve(FILE);
  }

  @Override
  public void write(RunReport run, Path dir) {
    Path file = output(dir);
    RunView view = new RunView(run, options);
    try {
      Files.createDirectories(file.getParent());
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        write(view, xml);
        xml.flush();
        xml.close();
      }
    } catch (IOException e) {
      throw ReportWriter.failure(file, e);
    } catch (XMLStreamException e) {
      throw ReportWriter.failure(file, new IOException(e.getMessage(), e));
    }
  }

  private void write(RunView view, XMLStreamWriter xml) throws XMLStreamException {
    RunReport run = view.run();
    Map<String, List<CheckResult>> byFamily = new LinkedHashMap<>();
    for (String f : view.families()) {
      byFamily.put(f, new ArrayList<>());
    }
    run.results().forEach(r -> byFamily.get(r.family()).add(r));
    DiagnosticRenderer renderer = new DiagnosticRenderer(options.sourceRoot());

    xml.writeStartDocument("UTF-8", "1.0");
    xml.writeCharacters("\n");
    xml.writeStartElement("testsuites");
    xml.writeAttribute("name", "Interlock");
    attr(xml, "tests", run.results().size());
    attr(xml, "failures", view.failed());
    attr(xml, "errors", 0);
    attr(xml, "skipped", view.skipped());
    xml.writeAttribute("time", seconds(run.duration()));
    if (run.startedAt() != null) {
      xml.writeAttribute("timestamp", run.startedAt().toString());
    }
    for (Map.Entry<String, List<CheckResult>> e : byFamily.entrySet()) {
      List<CheckResult> results = e.getValue();
      xml.writeCharacters("\n  ");
      xml.writeStartElement("testsuite");
      xml.writeAttribute("name", "interlock." + e.getKey());
      attr(xml, "tests", results.size());
      attr(xml, "failures", results.stream().filter(CheckResult::failed).count());
      attr(xml, "errors", 0);
      attr(xml, "skipped", results.stream().filter(r -> r.outcome() == Outcome.SKIPPED).count());
      xml.writeAttribute(
          "time",
          seconds(
              results.stream()
                  .map(CheckResult::duration)
                  .reduce(Duration.ZERO, JUnitXmlWriter::plus)));
      if (run.startedAt() != null) {
        xml.writeAttribute("timestamp", run.startedAt().toString());
      }
      xml.writeCharacters("\n    ");
      xml.writeStartElement("properties");
      property(xml, "interlock.version", run.interlockVersion());
      property(xml, "interlock.seed", Long.toString(run.seed()));
      property(xml, "interlock.command", view.reproduce());
      xml.writeEndElement();
      for (CheckResult r : results) {
        xml.writeCharacters("\n    ");
        testcase(xml, r, renderer);
      }
      xml.writeCharacters("\n  ");
      xml.writeEndElement();
    }
    xml.writeCharacters("\n");
    xml.writeEndElement();
    xml.writeCharacters("\n");
    xml.writeEndDocument();
  }

  private void testcase(XMLStreamWriter xml, CheckResult r, DiagnosticRenderer renderer)
      throws XMLStreamException {
    xml.writeStartElement("testcase");
    xml.writeAttribute("name", TextFormat.xml(name(r)));
    xml.writeAttribute("classname", TextFormat.xml("interlock." + r.checkId()));
    xml.writeAttribute("time", seconds(r.duration()));
    if (r.outcome() == Outcome.FAILED) {
      xml.writeStartElement("failure");
      xml.writeAttribute("message", TextFormat.xml(TextFormat.oneLine(r.message())));
      xml.writeAttribute("type", r.severity().label());
      xml.writeCharacters(TextFormat.xml(details(r, renderer)));
      xml.writeEndElement();
    } else if (r.outcome() == Outcome.SKIPPED) {
      xml.writeStartElement("skipped");
      xml.writeAttribute("message", TextFormat.xml(TextFormat.oneLine(r.message())));
      xml.writeEndElement();
    }
    if (!RunView.tags(r).isEmpty() && r.outcome() != Outcome.FAILED) {
      xml.writeStartElement("system-out");
      xml.writeCharacters(TextFormat.xml(labels(r)));
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  /** The subject, with the vendor and operation a reader needs when subjects repeat. */
  private static String name(CheckResult r) {
    StringBuilder s = new StringBuilder(r.subject());
    if (!r.operation().isBlank() && !r.subject().contains(r.operation())) {
      s.append(" [").append(r.operation()).append(']');
    }
    return s.toString();
  }

  private static String details(CheckResult r, DiagnosticRenderer renderer) {
    StringBuilder s = new StringBuilder();
    s.append(r.checkId()).append(": ").append(r.message()).append('\n');
    if (!r.vendor().isBlank()) {
      s.append("vendor: ").append(r.vendor()).append('\n');
    }
    if (!r.operation().isBlank()) {
      s.append("operation: ").append(r.operation()).append('\n');
    }
    if (!RunView.tags(r).isEmpty()) {
      s.append(labels(r));
    }
    if (!r.findings().isEmpty()) {
      s.append('\n');
      for (Diagnostic d : r.findings()) {
        s.append(renderer.render(d));
      }
    }
    for (Evidence e : r.evidence()) {
      s.append("\n--- ").append(e.label()).append(" (").append(e.mediaType()).append(")\n");
      s.append(TextFormat.shorten(e.content(), EVIDENCE_LIMIT)).append('\n');
    }
    return s.toString();
  }

  private static String labels(CheckResult r) {
    StringBuilder s = new StringBuilder();
    RunView.tags(r).forEach((k, v) -> s.append(k).append(": ").append(v).append('\n'));
    return s.toString();
  }

  private static void property(XMLStreamWriter xml, String name, String value)
      throws XMLStreamException {
    xml.writeEmptyElement("property");
    xml.writeAttribute("name", name);
    xml.writeAttribute("value", TextFormat.xml(value == null ? "" : value));
  }

  private static void attr(XMLStreamWriter xml, String name, long value) throws XMLStreamException {
    xml.writeAttribute(name, Long.toString(value));
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.3f", d == null ? 0.0 : d.toNanos() / 1e9);
  }

  private static Duration plus(Duration a, Duration b) {
    return b == null ? a : a.plus(b);
  }
}
