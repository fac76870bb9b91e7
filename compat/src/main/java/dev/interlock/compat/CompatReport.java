package dev.interlock.compat;

import dev.interlock.core.Diagnostic;
import dev.interlock.core.DiagnosticRenderer;
import dev.interlock.core.Severity;
import dev.interlock.core.run.CheckResult;
import dev.interlock.core.run.Evidence;
import dev.interlock.core.run.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a pact ↔ contract compatibility check found: one entry per interaction and side (request,
 * response; or message), each with its mismatches. Passed entries are kept so that results show
 * what was checked, not only what failed.
 */
public record CompatReport(
    Path pact,
    Path spec,
    String consumer,
    String provider,
    List<Entry> entries,
    Duration duration) {

  public CompatReport {
    entries = List.copyOf(entries);
  }

  /**
   * One interaction side.
   *
   * @param operation what it was checked against ({@code POST /v1/charges}, a message name), or ""
   *     when nothing matched
   * @param skipped why it could not be checked (e.g. the response when the request matched no
   *     operation), or null
   * @param evidence the pact's part as JSON, for reports
   */
  public record Entry(
      InteractionRef interaction,
      Side side,
      String operation,
      List<Mismatch> mismatches,
      String skipped,
      String evidence) {

    public Entry {
      mismatches = List.copyOf(mismatches);
    }

    public boolean failed() {
      return mismatches.stream().anyMatch(Mismatch::isError);
    }
  }

  public List<Mismatch> mismatches() {
    List<Mismatch> all = new ArrayList<>();
    entries.forEach(e -> all.addAll(e.mismatches()));
    return all;
  }

  public List<Mismatch> errors() {
    return mismatches().stream().filter(Mismatch::isError).toList();
  }

  /** True when no mismatch is an error (warnings allowed). */
  public boolean isCompatible() {
    return entries.stream().noneMatch(Entry::failed);
  }

  /**
   * Results of {@code pact.request-matches-spec}, {@code pact.response-matches-spec} or {@code
   * message.matches-asyncapi}.
   */
  public List<CheckResult> toCheckResults() {
    List<CheckResult> out = new ArrayList<>();
    DiagnosticRenderer paths = DiagnosticRenderer.relativeToWorkingDirectory();
    for (Entry e : entries) {
      List<Diagnostic> findings = new ArrayList<>();
      for (Mismatch m : e.mismatches()) {
        findings.add(toDiagnostic(m, paths));
      }
      Outcome outcome =
          e.skipped() != null ? Outcome.SKIPPED : e.failed() ? Outcome.FAILED : Outcome.PASSED;
      String message = message(e, outcome);
      Map<String, String> labels = new LinkedHashMap<>();
      labels.put("consumer", consumer);
      labels.put("provider", provider);
      labels.put("pact", paths.displayPath(pact));
      labels.put("spec", paths.displayPath(spec));
      labels.put("interaction", String.valueOf(e.interaction().index()));
      List<Evidence> evidence = new ArrayList<>();
      if (e.evidence() != null) {
        evidence.add(Evidence.json("pact " + e.side().name().toLowerCase(), e.evidence()));
      }
      if (!e.mismatches().isEmpty()) {
        evidence.add(
            Evidence.text(
                "mismatches", CompatRenderer.relativeToWorkingDirectory().text(e.mismatches())));
      }
      out.add(
          new CheckResult(
              e.side().checkId(),
              consumer
                  + " → "
                  + provider
                  + ": "
                  + e.interaction().description()
                  + " (#"
                  + e.interaction().index()
                  + ")",
              provider,
              e.operation(),
              outcome,
              Severity.ERROR,
              message,
              findings,
              evidence,
              duration.dividedBy(Math.max(1, entries.size())),
              labels));
    }
    return out;
  }

  private String message(Entry e, Outcome outcome) {
    String what = e.side() == Side.MESSAGE ? "message" : e.side().name().toLowerCase();
    String target = paths().displayPath(spec);
    return switch (outcome) {
      case SKIPPED -> what + " not checked: " + e.skipped();
      case PASSED -> {
        long warnings = e.mismatches().size();
        yield "the pact's "
            + what
            + " is allowed by "
            + e.operation()
            + " in "
            + target
            + (warnings > 0 ? " (" + warnings + " warning(s))" : "");
      }
      case FAILED -> {
        List<Mismatch> errors = e.mismatches().stream().filter(Mismatch::isError).toList();
        Mismatch first = errors.get(0);
        yield first.message()
            + " ["
            + first.code()
            + "]"
            + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
      }
    };
  }

  private static DiagnosticRenderer paths() {
    return DiagnosticRenderer.relativeToWorkingDirectory();
  }

  static Diagnostic toDiagnostic(Mismatch m, DiagnosticRenderer paths) {
    String spec = CompatRenderer.where(m.specLocation(), paths);
    return Diagnostic.error(m.code(), m.interaction().label() + ": " + m.message())
        .severity(m.severity())
        .at(m.pactLocation())
        .expected((m.expected() == null ? "" : m.expected() + " ") + "(spec: " + spec + ")")
        .actual(m.actual())
        .build();
  }
}
