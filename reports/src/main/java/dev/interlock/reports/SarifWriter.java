package dev.interlock.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.core.Diagnostic;
import dev.interlock.core.Severity;
import dev.interlock.core.run.ChangeImpact;
import dev.interlock.core.run.CheckResult;
import dev.interlock.core.run.ContractInfo;
import dev.interlock.core.run.Facts;
import dev.interlock.core.run.Outcome;
import dev.interlock.core.run.RunReport;
import dev.interlock.reports.internal.RunView;
import dev.interlock.reports.internal.TextFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code interlock.sarif}: SARIF 2.1.0 for code scanning, so a pull request shows each finding on
 * the contract line it is about.
 *
 * <ul>
 *   <li>One run; {@code tool.driver} is Interlock with its version and one rule per check id and
 *       diagnostic code that occurs, each with a short description and help text. With a {@link
 *       ReportOptions#docsUrl} the driver has an {@code informationUri} and each rule a {@code
 *       helpUri} to {@code docsUrl#<anchor>}; without one neither is written, and the help text
 *       names the id and where Interlock's README documents it.
 *   <li>One result per finding of every non-skipped result (rule = the diagnostic code), and one
 *       per failed result without findings (rule = the check id, located at the vendor's contract,
 *       or the manifest).
 *   <li>Locations are relative to the repository root ({@link ReportOptions#sourceRoot}).
 *   <li>{@code partialFingerprints.interlock/v1} hashes rule, check, vendor, operation, file and
 *       JSON pointer (not the line, not the message), so a finding keeps its identity when lines
 *       move or synthesized values change between seeds.
 * </ul>
 */
public final class SarifWriter implements ReportWriter {

  public static final String FILE = "interlock.sarif";
  public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
  public static final String FINGERPRINT = "interlock/v1";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final ReportOptions options;

  SarifWriter(ReportOptions options) {
    this.options = options;
  }

  @Override
  public String format() {
    return "sarif";
  }

  @Override
  public Path output(Path dir) {
    return dir.resolve(FILE);
  }

  @Override
  public void write(RunReport run, Path dir) {
    ReportWriter.writeText(output(dir), toSarif(run).toPrettyString() + "\n");
  }

  /** The SARIF log as a JSON tree. */
  public ObjectNode toSarif(RunReport run) {
    RunView view = new RunView(run, options);
    ObjectNode log = JSON.createObjectNode();
    log.put("$schema", SCHEMA_URI);
    log.put("version", "2.1.0");
    ObjectNode sarifRun = log.putArray("runs").addObject();
    ObjectNode driver = sarifRun.putObject("tool").putObject("driver");
    driver.put("name", "Interlock");
    driver.put("version", run.interlockVersion().isBlank() ? "0" : run.interlockVersion());
    if (options.docsUrl() != null) {
      driver.put("informationUri", options.docsUrl());
    }
    ArrayNode rulesNode = driver.putArray("rules");
    Map<String, Integer> rules = new LinkedHashMap<>();

    ObjectNode invocation = sarifRun.putArray("invocations").addObject();
    invocation.put("executionSuccessful", true);
    invocation.put("commandLine", view.reproduce());
    if (run.startedAt() != null) {
      invocation.put("startTimeUtc", run.startedAt().toString());
      if (run.duration() != null) {
        invocation.put("endTimeUtc", run.startedAt().plus(run.duration()).toString());
      }
    }
    invocation.putObject("properties").put("seed", Long.toString(run.seed()));
    sarifRun.putObject("automationDetails").put("id", "interlock/verify/");
    sarifRun.put("columnKind", "unicodeCodePoints");

    ArrayNode results = sarifRun.putArray("results");
    Map<String, Integer> occurrences = new HashMap<>();
    for (CheckResult r : run.results()) {
      if (r.outcome() == Outcome.SKIPPED) {
        continue;
      }
      for (Diagnostic d : r.findings()) {
        int ruleIndex = rule(rules, rulesNode, d.code(), false, d.severity(), r.family());
        ObjectNode result = results.addObject();
        result.put("ruleId", d.code());
        result.put("ruleIndex", ruleIndex);
        result.put("level", level(d.severity()));
        result.put("kind", r.failed() ? "fail" : "informational");
        result.putObject("message").put("text", message(r, d));
        String path = view.displayPath(d.location().file());
        if (path != null) {
          ObjectNode physical =
              result.putArray("locations").addObject().putObject("physicalLocation");
          physical.putObject("artifactLocation").put("uri", uri(path));
          if (d.location().hasPosition()) {
            ObjectNode region = physical.putObject("region");
            region.put("startLine", d.location().line());
            if (d.location().column() > 0) {
              region.put("startColumn", d.location().column());
            }
          }
        }
        String pointer = d.location().pointer().value();
        if (path != null && !pointer.isEmpty()) {
          ((ObjectNode) result.get("locations").get(0))
              .putArray("logicalLocations")
              .addObject()
              .put("fullyQualifiedName", d.location().pointer().toString())
              .put("kind", "member");
        }
        fingerprint(result, occurrences, d.code(), r, path, pointer);
        properties(result, r, d);
      }
      if (r.failed() && r.findings().isEmpty()) {
        int ruleIndex = rule(rules, rulesNode, r.checkId(), true, r.severity(), r.family());
        ObjectNode result = results.addObject();
        result.put("ruleId", r.checkId());
        result.put("ruleIndex", ruleIndex);
        result.put("level", level(r.severity()));
        result.put("kind", "fail");
        result.putObject("message").put("text", message(r, null));
        ContractInfo contract = view.contractOf(r);
        String path = contract == null ? null : view.contractPath(contract);
        if (path != null) {
          ObjectNode physical =
              result.putArray("locations").addObject().putObject("physicalLocation");
          physical.putObject("artifactLocation").put("uri", uri(path));
          physical.putObject("region").put("startLine", 1);
        }
        fingerprint(result, occurrences, r.checkId(), r, path, "");
        properties(result, r, null);
      }
    }
    return log;
  }

  private int rule(
      Map<String, Integer> rules,
      ArrayNode rulesNode,
      String id,
      boolean checkId,
      Severity severity,
      String family) {
    Integer known = rules.get(id);
    if (known != null) {
      return known;
    }
    int index = rules.size();
    rules.put(id, index);
    ObjectNode rule = rulesNode.addObject();
    rule.put("id", id);
    rule.put("name", ruleName(id));
    rule.putObject("shortDescription").put("text", TextFormat.humanize(id));
    String named = (checkId ? "Interlock check " : "Interlock diagnostic code ") + id;
    rule.putObject("fullDescription").put("text", named + ", check family " + family + ".");
    if (options.docsUrl() != null) {
      String help = options.docsUrl() + "#" + anchor(id);
      rule.put("helpUri", help);
      rule.putObject("help").put("text", "See " + help);
    } else {
      rule.putObject("help")
          .put(
              "text",
              checkId
                  ? named + "; see the checks table in Interlock's README."
                  : named
                      + " (check family "
                      + family
                      + "); see the Checks section of Interlock's README.");
    }
    rule.putObject("defaultConfiguration").put("level", level(severity));
    rule.putObject("properties").putArray("tags").add("interlock").add(family);
    return index;
  }

  /** {@code pact.request-matches-spec} → {@code PactRequestMatchesSpec}. */
  private static String ruleName(String id) {
    StringBuilder s = new StringBuilder();
    boolean upper = true;
    for (char c : id.toCharArray()) {
      if (c == '.' || c == '-' || c == '_') {
        upper = true;
      } else {
        s.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return s.toString();
  }

  /** README anchors are the id with dots removed, as GitHub derives them from a heading. */
  static String anchor(String id) {
    return id.toLowerCase().replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
  }

  private static String message(CheckResult r, Diagnostic d) {
    StringBuilder s = new StringBuilder();
    s.append(d == null ? r.message() : d.message());
    if (d != null && d.expected() != null) {
      s.append(" Expected: ").append(d.expected()).append('.');
    }
    if (d != null && d.actual() != null) {
      s.append(" Actual: ").append(d.actual()).append('.');
    }
    if (d != null && d.hint() != null) {
      s.append(" Hint: ").append(d.hint());
    }
    s.append(" [").append(r.checkId());
    if (!r.subject().isBlank()) {
      s.append(" · ").append(r.subject());
    }
    s.append(']');
    return TextFormat.shorten(TextFormat.oneLine(s.toString()), 4_000);
  }

  private static void fingerprint(
      ObjectNode result,
      Map<String, Integer> occurrences,
      String ruleId,
      CheckResult r,
      String path,
      String pointer) {
    String identity =
        String.join(
            "\u0000",
            ruleId,
            r.checkId(),
            r.vendor(),
            r.operation(),
            r.subject(),
            path == null ? "" : path,
            pointer);
    int n = occurrences.merge(identity, 1, Integer::sum);
    result
        .putObject("partialFingerprints")
        .put(FINGERPRINT, TextFormat.sha256(identity).substring(0, 32) + ":" + n);
  }

  private static void properties(ObjectNode result, CheckResult r, Diagnostic d) {
    ObjectNode p = result.putObject("properties");
    p.put("checkId", r.checkId());
    p.put("subject", r.subject());
    p.put("outcome", r.outcome().name());
    if (!r.vendor().isBlank()) {
      p.put("vendor", r.vendor());
    }
    if (!r.operation().isBlank()) {
      p.put("operation", r.operation());
    }
    if (d != null && !d.location().pointer().isRoot()) {
      p.put("pointer", d.location().pointer().toString());
    }
    facts(p, r.facts());
    if (!r.labels().isEmpty()) {
      ObjectNode labels = p.putObject("labels");
      new TreeMap<>(r.labels()).forEach(labels::put);
    }
  }

  /** The typed facts a result states, under the names the JSON report gives them. */
  private static void facts(ObjectNode p, Facts f) {
    if (!f.version().isEmpty()) {
      p.put("version", f.version());
    }
    if (!f.consumer().isEmpty()) {
      p.put("consumer", f.consumer());
    }
    f.internalError().ifPresent(e -> p.put("internalError", e));
    if (!f.changes().isEmpty()) {
      ArrayNode changes = p.putArray("changes");
      for (ChangeImpact c : f.changes()) {
        ObjectNode o = changes.addObject().put("ruleId", c.ruleId()).put("level", c.level());
        if (!c.operation().isEmpty()) {
          o.put("operation", c.operation());
        }
        if (c.affectsConsumer()) {
          o.put("consumer", c.consumer()).put("interaction", c.interaction());
        }
      }
    }
  }

  /** A relative URI reference: unreserved characters and '/' stay, the rest is %-encoded. */
  private static String uri(String path) {
    StringBuilder s = new StringBuilder();
    path.codePoints()
        .forEach(
            c -> {
              if (c < 128 && (Character.isLetterOrDigit(c) || "/-._~".indexOf(c) >= 0)) {
                s.append((char) c);
              } else {
                for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
                  s.append('%').append(String.format("%02X", b & 0xff));
                }
              }
            });
    return s.toString();
  }

  private static String level(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }
}
