package dev.interlock.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.core.Diagnostic;
import dev.interlock.core.DiagnosticRenderer;
import dev.interlock.core.SourceLocation;
import dev.interlock.diff.Change.Level;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a {@link DiffReport} (optionally with its {@link ConsumerImpact}) as compiler-style text,
 * JSON or a Markdown table. File names are relative to a base folder, with forward slashes.
 *
 * <pre>
 * contracts/openapi/payments/2025-01-15.yaml:42:7: breaking: POST /v1/charges response 200: property 'source' removed at $.source [openapi.response.property.removed]
 *     was at contracts/openapi/payments/2024-06-01.yaml:40:7
 *     breaks: order-sync "a charge for an order" (contracts/pacts/order-sync-payments.json:12:5)
 * </pre>
 */
public final class DiffRenderer {

  /** The output formats of {@code interlock diff --format}. */
  public enum Format {
    TEXT,
    JSON,
    MARKDOWN;

    public static Format of(String name) {
      return valueOf(name.toUpperCase(Locale.ROOT));
    }
  }

  private final DiagnosticRenderer paths;

  public DiffRenderer(Path base) {
    this.paths = new DiagnosticRenderer(base);
  }

  public static DiffRenderer relativeToWorkingDirectory() {
    return new DiffRenderer(Path.of(""));
  }

  public String render(Format format, DiffReport report, ConsumerImpact impact) {
    return switch (format) {
      case TEXT -> text(report, impact);
      case JSON -> json(report, impact);
      case MARKDOWN -> markdown(report, impact);
    };
  }

  public String text(DiffReport report) {
    return text(report, null);
  }

  public String text(DiffReport report, ConsumerImpact impact) {
    Map<Change, ConsumerImpact.Entry> entries = entries(impact);
    StringBuilder out = new StringBuilder();
    out.append(paths.render(report.diagnostics()));
    for (Change c : report.changes()) {
      Optional<SourceLocation> primary = c.primaryLocation();
      out.append(primary.map(this::position).orElse("<contract>"))
          .append(": ")
          .append(c.level().label())
          .append(": ")
          .append(c.message())
          .append(" [")
          .append(c.ruleId())
          .append("]\n");
      if (c.newLocation().isPresent() && c.oldLocation().isPresent()) {
        out.append("    was at ").append(position(c.oldLocation().get())).append('\n');
      }
      ConsumerImpact.Entry entry = entries.get(c);
      if (entry != null) {
        if (entry.safeToShip()) {
          out.append(
              entry.interactions().isEmpty()
                  ? "    safe to ship (no known consumer)\n"
                  : "    safe to ship (every consumer that depends on it is already on the new version)\n");
        }
        for (ConsumerImpact.Interaction i : entry.interactions()) {
          out.append(
                  i.usesNewVersion()
                      ? "    touches (consumer already on the new version): "
                      : "    breaks: ")
              .append(i.consumer())
              .append(" \"")
              .append(i.description())
              .append("\" (")
              .append(position(i.location()))
              .append(")\n");
        }
      }
    }
    out.append(summary(report)).append('\n');
    return out.toString();
  }

  /** {@code 2 breaking, 1 potentially breaking, 4 non-breaking} or {@code no changes}. */
  public static String summary(DiffReport report) {
    if (report.changes().isEmpty()) {
      return "no changes";
    }
    Map<Level, Integer> counts = report.counts();
    return counts.get(Level.BREAKING)
        + " breaking, "
        + counts.get(Level.POTENTIALLY_BREAKING)
        + " potentially breaking, "
        + counts.get(Level.NON_BREAKING)
        + " non-breaking";
  }

  private String position(SourceLocation loc) {
    String file = paths.displayPath(loc.file());
    return loc.hasPosition() ? file + ":" + loc.line() + ":" + loc.column() : file;
  }

  private static Map<Change, ConsumerImpact.Entry> entries(ConsumerImpact impact) {
    Map<Change, ConsumerImpact.Entry> map = new IdentityHashMap<>();
    if (impact != null) {
      impact.entries().forEach(e -> map.put(e.change(), e));
    }
    return map;
  }

  public String json(DiffReport report, ConsumerImpact impact) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    Map<Change, ConsumerImpact.Entry> entries = entries(impact);
    ObjectNode root = mapper.createObjectNode();
    ObjectNode summary = root.putObject("summary");
    report.counts().forEach((level, n) -> summary.put(key(level), n));
    summary.put("highest", report.highestLevel().map(DiffRenderer::key).orElse(null));
    ArrayNode changes = root.putArray("changes");
    for (Change c : report.changes()) {
      ObjectNode node = changes.addObject();
      node.put("rule", c.ruleId());
      node.put("level", key(c.level()));
      node.put("message", c.message());
      c.operation().ifPresent(v -> node.put("operation", v));
      c.part().ifPresent(v -> node.put("part", v));
      c.fieldPath().ifPresent(v -> node.put("fieldPath", v));
      c.oldLocation().ifPresent(l -> location(node.putObject("old"), l));
      c.newLocation().ifPresent(l -> location(node.putObject("new"), l));
      ConsumerImpact.Entry entry = entries.get(c);
      if (entry != null) {
        node.put("safeToShip", entry.safeToShip());
        ArrayNode consumers = node.putArray("consumers");
        for (ConsumerImpact.Interaction i : entry.interactions()) {
          ObjectNode ci = consumers.addObject();
          ci.put("consumer", i.consumer());
          ci.put("provider", i.provider());
          ci.put("interaction", i.description());
          ci.put("usesNewVersion", i.usesNewVersion());
          location(ci.putObject("location"), i.location());
          ArrayNode adapters = ci.putArray("adapters");
          i.adapters().forEach(adapters::add);
        }
      }
    }
    ArrayNode diagnostics = root.putArray("diagnostics");
    for (Diagnostic d : report.diagnostics()) {
      ObjectNode node = diagnostics.addObject();
      node.put("code", d.code());
      node.put("severity", d.severity().label());
      node.put("message", d.message());
      location(node.putObject("location"), d.location());
    }
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a diff report is always serializable", e);
    }
  }

  private void location(ObjectNode node, SourceLocation loc) {
    node.put("file", paths.displayPath(loc.file()));
    node.put("line", loc.line());
    node.put("column", loc.column());
    node.put("pointer", loc.pointer().toString());
  }

  private static String key(Level level) {
    return level.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public String markdown(DiffReport report, ConsumerImpact impact) {
    Map<Change, ConsumerImpact.Entry> entries = entries(impact);
    StringBuilder out = new StringBuilder();
    out.append("**Contract changes:** ").append(summary(report)).append("\n\n");
    for (Diagnostic d : report.diagnostics()) {
      out.append("- :x: `")
          .append(d.code())
          .append("` ")
          .append(cell(d.message()))
          .append(" (")
          .append(position(d.location()))
          .append(")\n");
    }
    if (!report.diagnostics().isEmpty()) {
      out.append('\n');
    }
    if (report.changes().isEmpty()) {
      return out.toString();
    }
    boolean withConsumers = impact != null;
    out.append("| Level | Rule | Change | Where |").append(withConsumers ? " Consumers |" : "");
    out.append("\n|---|---|---|---|").append(withConsumers ? "---|" : "").append('\n');
    for (Change c : report.changes()) {
      out.append("| ")
          .append(c.level().label())
          .append(" | `")
          .append(c.ruleId())
          .append("` | ")
          .append(cell(c.message()))
          .append(" | ")
          .append(c.primaryLocation().map(l -> "`" + position(l) + "`").orElse(""))
          .append(" |");
      if (withConsumers) {
        ConsumerImpact.Entry entry = entries.get(c);
        String consumers;
        if (entry == null) {
          consumers = "";
        } else if (entry.safeToShip()) {
          consumers =
              entry.interactions().isEmpty()
                  ? "safe to ship (no known consumer)"
                  : "safe to ship (consumers already migrated: "
                      + String.join(
                          ", ",
                          entry.interactions().stream()
                              .map(ConsumerImpact.Interaction::consumer)
                              .distinct()
                              .toList())
                      + ")";
        } else {
          List<String> names =
              entry.interactions().stream()
                  .map(
                      i ->
                          i.consumer()
                              + ": "
                              + i.description()
                              + (i.usesNewVersion() ? " (already on the new version)" : ""))
                  .distinct()
                  .toList();
          consumers = cell(String.join("; ", names));
        }
        out.append(' ').append(consumers).append(" |");
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
