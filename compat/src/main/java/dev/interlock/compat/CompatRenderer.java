package dev.interlock.compat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.core.DiagnosticRenderer;
import dev.interlock.core.SourceLocation;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * Renders compatibility reports compiler-style (clickable in terminals and CI) or as JSON:
 *
 * <pre>
 * contracts/pacts/order-sync-payments.json:42:7: error: 'get a charge' (#2): the contract does not declare 'fee' [pact.response.body.unknown-field]
 *     spec: contracts/openapi/payments/2025-01-15.yaml:210:9 #/components/schemas/Charge
 *     payload: #/fee
 *     expected: one of [id, object, amount, ...]
 *     actual: 'fee': 30
 * </pre>
 */
public final class CompatRenderer {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final DiagnosticRenderer paths;

  public CompatRenderer(Path base) {
    this.paths = new DiagnosticRenderer(base);
  }

  public static CompatRenderer relativeToWorkingDirectory() {
    return new CompatRenderer(Path.of(""));
  }

  /** Every mismatch of the reports, then one summary line. */
  public String text(List<CompatReport> reports) {
    StringBuilder out = new StringBuilder();
    int errors = 0;
    int warnings = 0;
    int checked = 0;
    for (CompatReport r : reports) {
      out.append(text(r.mismatches()));
      errors += r.errors().size();
      warnings += r.mismatches().size() - r.errors().size();
      checked += (int) r.entries().stream().map(e -> e.interaction().index()).distinct().count();
    }
    out.append(checked)
        .append(" interaction(s) checked: ")
        .append(errors == 0 ? "compatible" : "incompatible")
        .append(" (")
        .append(errors)
        .append(" error(s), ")
        .append(warnings)
        .append(" warning(s))\n");
    return out.toString();
  }

  public String text(CompatReport report) {
    return text(List.of(report));
  }

  public String text(Collection<Mismatch> mismatches) {
    StringBuilder out = new StringBuilder();
    for (Mismatch m : mismatches) {
      out.append(where(m.pactLocation(), paths, false))
          .append(": ")
          .append(m.severity().label())
          .append(": ")
          .append(m.interaction().label())
          .append(": ")
          .append(m.message())
          .append(" [")
          .append(m.code())
          .append("]\n");
      out.append("    spec: ").append(where(m.specLocation(), paths)).append('\n');
      if (m.payloadPointer() != null && !m.payloadPointer().isRoot()) {
        out.append("    payload: ").append(m.payloadPointer()).append('\n');
      }
      if (m.expected() != null) {
        out.append("    expected: ").append(m.expected()).append('\n');
      }
      if (m.actual() != null) {
        out.append("    actual: ").append(m.actual()).append('\n');
      }
    }
    return out.toString();
  }

  /** {@code file:line:col #/pointer}. */
  static String where(SourceLocation loc, DiagnosticRenderer paths) {
    return where(loc, paths, true);
  }

  private static String where(SourceLocation loc, DiagnosticRenderer paths, boolean withPointer) {
    if (loc == null) {
      return "<unknown>";
    }
    StringBuilder b = new StringBuilder(paths.displayPath(loc.file()));
    if (loc.hasPosition()) {
      b.append(':').append(loc.line()).append(':').append(loc.column());
    }
    if (withPointer) {
      b.append(' ').append(loc.pointer());
    }
    return b.toString();
  }

  /** The reports as one JSON document: {@code {compatible, errors, warnings, reports: [...]}}. */
  public String json(List<CompatReport> reports) {
    ObjectNode root = JSON.createObjectNode();
    boolean compatible = reports.stream().allMatch(CompatReport::isCompatible);
    root.put("compatible", compatible);
    root.put("errors", reports.stream().mapToInt(r -> r.errors().size()).sum());
    root.put(
        "warnings",
        reports.stream().mapToInt(r -> r.mismatches().size() - r.errors().size()).sum());
    ArrayNode list = root.putArray("reports");
    for (CompatReport r : reports) {
      ObjectNode o = list.addObject();
      o.put("pact", paths.displayPath(r.pact()));
      o.put("spec", paths.displayPath(r.spec()));
      o.put("consumer", r.consumer());
      o.put("provider", r.provider());
      o.put("compatible", r.isCompatible());
      ArrayNode entries = o.putArray("interactions");
      for (CompatReport.Entry e : r.entries()) {
        ObjectNode en = entries.addObject();
        en.put("description", e.interaction().description());
        en.put("index", e.interaction().index());
        en.put("pointer", e.interaction().pointer().toString());
        en.put("line", e.interaction().location().line());
        en.put("side", e.side().name().toLowerCase());
        en.put("check", e.side().checkId());
        en.put("operation", e.operation());
        en.put("outcome", e.skipped() != null ? "skipped" : e.failed() ? "failed" : "passed");
        if (e.skipped() != null) {
          en.put("skipped", e.skipped());
        }
        ArrayNode ms = en.putArray("mismatches");
        for (Mismatch m : e.mismatches()) {
          ObjectNode mo = ms.addObject();
          mo.put("code", m.code());
          mo.put("severity", m.severity().label());
          mo.put("message", m.message());
          mo.set("pact", location(m.pactLocation()));
          mo.put(
              "payloadPointer", m.payloadPointer() == null ? "#" : m.payloadPointer().toString());
          mo.set("spec", location(m.specLocation()));
          if (m.expected() != null) {
            mo.put("expected", m.expected());
          }
          if (m.actual() != null) {
            mo.put("actual", m.actual());
          }
        }
      }
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private ObjectNode location(SourceLocation loc) {
    ObjectNode o = JSON.createObjectNode();
    if (loc == null) {
      return o;
    }
    o.put("file", paths.displayPath(loc.file()));
    o.put("line", loc.line());
    o.put("column", loc.column());
    o.put("pointer", loc.pointer().toString());
    return o;
  }
}
