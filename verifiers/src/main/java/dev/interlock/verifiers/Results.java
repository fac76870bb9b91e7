package dev.interlock.verifiers;

import dev.interlock.core.Diagnostic;
import dev.interlock.core.Severity;
import dev.interlock.core.run.ChangeImpact;
import dev.interlock.core.run.CheckResult;
import dev.interlock.core.run.Evidence;
import dev.interlock.core.run.Facts;
import dev.interlock.core.run.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a {@link CheckResult}: {@code Results.of(id, subject).vendor("payments").failed(msg)}. */
public final class Results {

  private final String checkId;
  private final String subject;
  private String vendor = "";
  private String operation = "";
  private Severity severity = Severity.ERROR;
  private final List<Diagnostic> findings = new ArrayList<>();
  private final List<Evidence> evidence = new ArrayList<>();
  private final List<ChangeImpact> changes = new ArrayList<>();
  private Facts facts = Facts.NONE;
  private final Map<String, String> labels = new LinkedHashMap<>();
  private final long started = System.nanoTime();

  private Results(String checkId, String subject) {
    this.checkId = checkId;
    this.subject = subject;
  }

  public static Results of(String checkId, String subject) {
    return new Results(checkId, subject);
  }

  public Results vendor(String vendor) {
    this.vendor = vendor;
    return this;
  }

  public Results operation(String operation) {
    this.operation = operation;
    return this;
  }

  public Results severity(Severity severity) {
    this.severity = severity;
    return this;
  }

  public Results finding(Diagnostic d) {
    findings.add(d);
    return this;
  }

  public Results findings(List<Diagnostic> ds) {
    findings.addAll(ds);
    return this;
  }

  public Results evidence(Evidence e) {
    evidence.add(e);
    return this;
  }

  /** The contract version the subject was checked against. */
  public Results version(String version) {
    facts = facts.withVersion(version);
    return this;
  }

  /** The consumer whose expectation the subject is. */
  public Results consumer(String consumer) {
    facts = facts.withConsumer(consumer);
    return this;
  }

  /** A version change the result found, with the consumer interaction it breaks if any. */
  public Results change(ChangeImpact change) {
    changes.add(change);
    return this;
  }

  /** The check crashed with this exception type: Interlock's bug, not the contract's. */
  public Results internalError(String exceptionType) {
    facts = facts.withInternalError(exceptionType);
    return this;
  }

  /** A free-form tag; typed facts have their own methods above. */
  public Results label(String key, String value) {
    labels.put(key, value);
    return this;
  }

  public CheckResult passed(String message) {
    return build(Outcome.PASSED, message);
  }

  public CheckResult failed(String message) {
    return build(Outcome.FAILED, message);
  }

  public CheckResult skipped(String message) {
    return build(Outcome.SKIPPED, message);
  }

  /** Passed when there are no findings at error level, failed otherwise. */
  public CheckResult verdict(String passMessage, String failMessage) {
    boolean failing = findings.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    return failing ? failed(failMessage) : passed(passMessage);
  }

  private CheckResult build(Outcome outcome, String message) {
    return new CheckResult(
        checkId,
        subject,
        vendor,
        operation,
        outcome,
        severity,
        message,
        findings,
        evidence,
        Duration.ofNanos(System.nanoTime() - started),
        facts.withChanges(changes),
        labels);
  }
}
