package dev.interlock.cli;

import dev.interlock.broker.BrokerException;
import dev.interlock.broker.FetchedPact;
import dev.interlock.broker.PactBroker;
import dev.interlock.broker.ProviderVerification;
import dev.interlock.core.Severity;
import dev.interlock.core.run.CheckResult;
import dev.interlock.core.run.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Publishes one pact's verification result and says so as a result of its own ({@code
 * broker.results-published}), so a result that was not published is never silent: published,
 * skipped (and why), or failed with the broker's words.
 */
final class ResultPublishing {

  private ResultPublishing() {}

  /**
   * @param template the version, branch and build to publish with ({@code success} is decided
   *     here), or {@code null} when publishing is off
   */
  static CheckResult publish(
      PactBroker broker,
      FetchedPact pact,
      List<CheckResult> results,
      ProviderVerification template,
      Console console) {
    String subject = pact.description();
    long verified = results.stream().filter(r -> r.outcome() != Outcome.SKIPPED).count();
    boolean success = verified > 0 && results.stream().noneMatch(CheckResult::failed);
    String verdict = success ? "verified" : verified == 0 ? "not verified" : "failed";
    console
        .err()
        .println(
            "broker: "
                + subject
                + ": "
                + verdict
                + (pact.failuresAreInformational()
                    ? (pact.wip() ? " (work in progress)" : " (pending)")
                    : ""));
    if (template == null) {
      return result(subject, pact, Outcome.SKIPPED, "not published (--no-publish-results)");
    }
    if (verified == 0) {
      return result(
          subject,
          pact,
          Outcome.SKIPPED,
          "not published: no check verified this pact (every case skipped; is there a contract for"
              + " provider '"
              + pact.provider()
              + "'?)");
    }
    try {
      broker.publishVerificationResult(
          pact,
          new ProviderVerification(
              success,
              template.providerVersion(),
              template.providerBranch(),
              template.buildUrl(),
              template.verifierVersion()));
      return result(
          subject,
          pact,
          Outcome.PASSED,
          "published success="
              + success
              + " for "
              + pact.provider()
              + " "
              + template.providerVersion()
              + " (branch "
              + template.providerBranch()
              + ")");
    } catch (BrokerException e) {
      console.err().println("broker: " + subject + ": result NOT published: " + e.getMessage());
      return result(subject, pact, Outcome.FAILED, "result not published: " + e.getMessage());
    }
  }

  private static CheckResult result(
      String subject, FetchedPact pact, Outcome outcome, String message) {
    return new CheckResult(
        BrokerVerification.PUBLISH_CHECK,
        subject,
        pact.provider(),
        "",
        outcome,
        Severity.ERROR,
        message,
        List.of(),
        List.of(),
        Duration.ZERO,
        Map.of("consumer", pact.consumer(), "pact", pact.self().toString()));
  }
}
