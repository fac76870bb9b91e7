package dev.interlock.core.run;

import dev.interlock.core.Diagnostic;
import dev.interlock.core.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One result of one check on one subject.
 *
 * @param checkId the stable check id, e.g. {@code pact.request-matches-spec}
 * @param subject what was checked, readable on its own: "order-sync → payments: create a charge"
 * @param vendor the vendor or event system the subject belongs to, or "" when none
 * @param operation the operation concerned ({@code POST /v1/charges}), or "" when none
 * @param severity how much a failure matters ({@code ERROR} fails the run, {@code WARNING} only
 *     with {@code --fail-on warning})
 * @param message one sentence: why it passed, failed or was skipped
 * @param findings located problems (contract file:line, JSON pointer into the observed payload)
 * @param evidence what a reader needs to believe the verdict
 * @param facts what the result states in typed form: version, consumer, changes, internal error
 * @param labels free-form tags for report writers (e.g. scenario, adapter); never a fact that a
 *     report or the exit code depends on
 */
public record CheckResult(
    String checkId,
    String subject,
    String vendor,
    String operation,
    Outcome outcome,
    Severity severity,
    String message,
    List<Diagnostic> findings,
    List<Evidence> evidence,
    Duration duration,
    Facts facts,
    Map<String, String> labels) {

  public CheckResult {
    findings = List.copyOf(findings);
    evidence = List.copyOf(evidence);
    facts = facts == null ? Facts.NONE : facts;
    labels = Map.copyOf(labels);
  }

  /** A result that states no typed facts beyond its vendor and operation. */
  public CheckResult(
      String checkId,
      String subject,
      String vendor,
      String operation,
      Outcome outcome,
      Severity severity,
      String message,
      List<Diagnostic> findings,
      List<Evidence> evidence,
      Duration duration,
      Map<String, String> labels) {
    this(
        checkId,
        subject,
        vendor,
        operation,
        outcome,
        severity,
        message,
        findings,
        evidence,
        duration,
        Facts.NONE,
        labels);
  }

  /** The same result with other facts. */
  public CheckResult withFacts(Facts newFacts) {
    return new CheckResult(
        checkId, subject, vendor, operation, outcome, severity, message, findings, evidence,
        duration, newFacts, labels);
  }

  /** Whether the check itself crashed rather than judging its subject. */
  public boolean internalError() {
    return facts.internalError().isPresent();
  }

  /** The family of a check id: {@code pact} for {@code pact.request-matches-spec}. */
  public String family() {
    int dot = checkId.indexOf('.');
    return dot < 0 ? checkId : checkId.substring(0, dot);
  }

  public boolean failed() {
    return outcome == Outcome.FAILED;
  }
}
