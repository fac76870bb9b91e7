package dev.interlock.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.Diagnostic;
import dev.interlock.core.Severity;
import dev.interlock.core.SourceLocation;
import dev.interlock.core.redact.Redactor;
import dev.interlock.core.run.CheckResult;
import dev.interlock.core.run.Evidence;
import dev.interlock.core.run.OperationCoverage;
import dev.interlock.core.run.Outcome;
import dev.interlock.core.run.RunReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedactionTest {

  /** Real-looking credentials; none may appear in any report file. */
  static final List<String> SECRETS =
      List.of(
          "sk_live_51HxQ2bLkd9Zq7RvXa0Tt4Yw",
          "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
          "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvcmRlci1zeW5jIn0.dBjftJeZ4CVPmB92K27uhbUJU1p1r",
          "b1946ac92492d2347c6235b4d2611184",
          "Zx9qLr2VtT8sWm4Kc7Yp",
          "s3cr3t-Cl13nt-V4lu3",
          "sessionid=38afes7a8",
          "4242424242424242",
          "5555 5555 5555 4444",
          "3782-822463-10005",
          "dXNlcjpwYXNzd29yZA==",
          "ghp_16C7e42F292c6912E7710c838347Ae178B4a",
          "AKIAIOSFODNN7EXAMPLE",
          "whsec_5f2f0a0f9c1f4e2a",
          "refresh-8a7f6e5d4c");

  static RunReport runWithCredentials() {
    String http =
        """
        POST /v1/charges HTTP/1.1
        Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvcmRlci1zeW5jIn0.dBjftJeZ4CVPmB92K27uhbUJU1p1r
        X-Api-Key: b1946ac92492d2347c6235b4d2611184
        Cookie: sessionid=38afes7a8; theme=dark
        Content-Type: application/x-www-form-urlencoded

        grant_type=client_credentials&client_id=order-sync&client_secret=s3cr3t-Cl13nt-V4lu3
        """;
    String json =
        """
        {"card": {"number": "4242424242424242", "cvc": "123"}, "api_key": "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
         "headers": {"Authorization": "Basic dXNlcjpwYXNzd29yZA==", "x-api-key": "Zx9qLr2VtT8sWm4Kc7Yp"},
         "refresh_token": "refresh-8a7f6e5d4c"}
        """;
    List<CheckResult> results = new ArrayList<>();
    results.add(
        new CheckResult(
            "adapter.sends-credentials",
            "payments: charge with key sk_live_51HxQ2bLkd9Zq7RvXa0Tt4Yw",
            "payments",
            "POST /v1/charges",
            Outcome.FAILED,
            Severity.ERROR,
            "Sent card 5555 5555 5555 4444 and Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvcmRlci1zeW5jIn0.dBjftJeZ4CVPmB92K27uhbUJU1p1r",
            List.of(
                Diagnostic.error(
                        "verify.secret.leak",
                        "key ghp_16C7e42F292c6912E7710c838347Ae178B4a in body")
                    .at(
                        SourceLocation.of(
                            RunFixtures.contract("openapi/payments/2024-06.yaml"), 3, 1))
                    .expected("no AWS key like AKIAIOSFODNN7EXAMPLE")
                    .actual("amex 3782-822463-10005")
                    .hint("rotate whsec_5f2f0a0f9c1f4e2a")
                    .build()),
            List.of(
                Evidence.json("request body", json),
                new Evidence("request", "message/http", http),
                new Evidence("timeline", Evidence.TIMELINE, RunFixtures.TIMELINE)),
            Duration.ofMillis(5),
            Map.of(
                "api_key",
                "Zx9qLr2VtT8sWm4Kc7Yp",
                "note",
                "client_secret=s3cr3t-Cl13nt-V4lu3",
                "scenario",
                "flaky")));
    return new RunReport(
        "0.1.0",
        7L,
        "interlock verify --seed 7 --header 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvcmRlci1zeW5jIn0.dBjftJeZ4CVPmB92K27uhbUJU1p1r'",
        Instant.parse("2025-01-01T00:00:00Z"),
        Duration.ofSeconds(1),
        List.of(),
        results,
        List.of(
            new OperationCoverage(
                "payments",
                "2024-06",
                "POST /v1/charges",
                List.of("test with sk_live_51HxQ2bLkd9Zq7RvXa0Tt4Yw"))));
  }

  @TempDir Path dir;

  @Test
  void noCredentialReachesAnyWrittenFile() throws Exception {
    List<Path> written = Reports.writeAll(runWithCredentials(), dir, RunFixtures.OPTIONS);
    assertThat(written).hasSize(6);

    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(files).hasSizeGreaterThan(8);
    for (Path f : files) {
      String text = Files.readString(f, StandardCharsets.UTF_8);
      for (String secret : SECRETS) {
        assertThat(text)
            .as("%s must not contain %s", dir.relativize(f), secret)
            .doesNotContain(secret);
      }
      // with separators removed too (cards written as 4242 4242 …)
      assertThat(text.replaceAll("[ -]", ""))
          .doesNotContain("4242424242424242", "5555555555554444", "378282246310005");
    }
    assertThat(Files.readString(dir.resolve("interlock-report.html")))
        .contains("[REDACTED]")
        .contains("[REDACTED card ending 4444]");
  }

  @Test
  void redactionIsIdempotent() {
    RunReport once = Redactor.standard().redactRun(runWithCredentials());
    RunReport twice = Redactor.standard().redactRun(once);
    assertThat(twice).isEqualTo(once);
  }
}
