package dev.interlock.core.redact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interlock.core.Diagnostic;
import dev.interlock.core.Severity;
import dev.interlock.core.SourceLocation;
import dev.interlock.core.run.CheckResult;
import dev.interlock.core.run.Evidence;
import dev.interlock.core.run.OperationCoverage;
import dev.interlock.core.run.Outcome;
import dev.interlock.core.run.RunReport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one redactor the sandbox journal, the adapters' logs and every report share: each rule once,
 * whichever writer first needed it.
 */
class RedactorTest {

  final Redactor redactor = Redactor.standard();

  // ------------------------------------------------------------- names (journal headers, bodies)

  @Test
  void redactsCredentialHeadersButKeepsIdempotencyKeys() {
    assertThat(redactor.redactHeader("Authorization", "Bearer x")).isEqualTo("[REDACTED]");
    assertThat(redactor.redactHeader("X-Api-Key", "k")).isEqualTo("[REDACTED]");
    assertThat(redactor.redactHeader("Cookie", "s=1")).isEqualTo("[REDACTED]");
    assertThat(redactor.redactHeader("Set-Cookie", "sid=1; HttpOnly")).isEqualTo("[REDACTED]");
    assertThat(redactor.redactHeader("X-Shopify-Hmac-Sha256", "abc")).isEqualTo("[REDACTED]");
    assertThat(redactor.redactHeader("Idempotency-Key", "idem-1")).isEqualTo("idem-1");
    assertThat(redactor.redactHeader("Idempotency-Key", "order-sync:createToken:ord_1"))
        .isEqualTo("order-sync:createToken:ord_1");
  }

  @Test
  void redactsSecretsInsideTheValuesOfOrdinaryHeaders() {
    assertThat(redactor.redactHeader("X-Debug", "key sk_live_abcdef123456"))
        .isEqualTo("key sk_live_[REDACTED]");
    assertThat(redactor.redactHeader("Content-Type", "application/json"))
        .isEqualTo("application/json");
  }

  @Test
  void knowsSecretNamesByTheirWordsNotByAnExactList() {
    assertThat(
            List.of(
                "client_secret",
                "x-session-token",
                "refreshToken",
                "private_key",
                "cardNumber",
                "card_pan",
                "PAN",
                "cvv",
                "Proxy-Authorization",
                "Stripe-Signature",
                "spring.datasource.password"))
        .allMatch(Redactor::isSecretName);
    assertThat(
            List.of("Idempotency-Key", "token_type", "company", "span", "expand", "order", "key"))
        .noneMatch(Redactor::isSecretName);
  }

  @Test
  void redactsSecretFieldsAndLuhnValidCardNumbersInBodies() {
    String json =
        redactor.redactBody(
            "{\"client_secret\":\"s\",\"card\":{\"number\":\"4242424242424242\"},\"order\":\"1234567890123\"}",
            "application/json");
    assertThat(json).doesNotContain("4242424242424242", "\"s\"").contains("1234567890123");
    assertThat(
            redactor.redactBody(
                "grant_type=client_credentials&client_secret=abc",
                "application/x-www-form-urlencoded"))
        .isEqualTo("grant_type=client_credentials&client_secret=[REDACTED]");
  }

  @Test
  void redactsFormFieldsByTheirDecodedName() {
    assertThat(
            redactor.redactBody("client%5Fsecret=abc&x=%ZZ", "application/x-www-form-urlencoded"))
        .isEqualTo("client%5Fsecret=[REDACTED]&x=%ZZ");
  }

  @Test
  void redactsJsonMemberByMemberAndLeavesTheArgumentAlone() throws Exception {
    JsonNode body =
        new ObjectMapper()
            .readTree(
                """
                {"cvc": 123, "password_set": true, "pan": "4000056655665556",
                 "card": {"number": 4242424242424242}, "seed": 4242424242424242,
                 "note": "Authorization: Bearer abc.def-123",
                 "items": ["sk_test_4eC39HqLyjWDarjtT1zdp7dc", 7],
                 "credentials": {"user": "u"}, "token_type": "bearer", "company": "Acme"}
                """);
    String before = body.toString();

    JsonNode out = redactor.redactJson(body);

    assertThat(body.toString()).isEqualTo(before);
    assertThat(out.get("cvc").asText()).isEqualTo("[REDACTED]");
    assertThat(out.get("password_set").asText()).isEqualTo("[REDACTED]");
    assertThat(out.get("pan").asText()).isEqualTo("[REDACTED]");
    assertThat(out.at("/card/number").asText()).isEqualTo("[REDACTED card ending 4242]");
    assertThat(out.get("seed").asLong()).isEqualTo(4242424242424242L);
    assertThat(out.get("note").asText()).isEqualTo("Authorization: [REDACTED]");
    assertThat(out.at("/items/0").asText()).isEqualTo("sk_test_[REDACTED]");
    assertThat(out.at("/items/1").asInt()).isEqualTo(7);
    assertThat(out.at("/credentials/user").asText()).isEqualTo("u");
    assertThat(out.get("token_type").asText()).isEqualTo("bearer");
    assertThat(out.get("company").asText()).isEqualTo("Acme");
  }

  @Test
  void redactsSecretQueryParametersAndCardsInUrls() {
    assertThat(redactor.redactUrl("/v1/charges?api_key=abc123&limit=10&session_id=s1"))
        .isEqualTo("/v1/charges?api_key=[REDACTED]&limit=10&session_id=[REDACTED]");
    assertThat(redactor.redactUrl("/v1/cards/4242424242424242"))
        .isEqualTo("/v1/cards/[REDACTED card ending 4242]");
    assertThat(redactor.redactUrl("/v1/orders/ord_1?expand=items"))
        .isEqualTo("/v1/orders/ord_1?expand=items");
  }

  // ------------------------------------------------------------- known secrets (adapter logs)

  @Test
  void redactsThePasswordOfAUrlButKeepsItsUserAndHost() {
    Redactor r = Redactor.standard();

    assertThat(r.redactText("fetching https://ci-bot:s3cr3t-Pa55@repo.example/contracts.git"))
        .isEqualTo("fetching https://ci-bot:[REDACTED]@repo.example/contracts.git");
    assertThat(r.redactUrl("amqp://order-sync:hunter2hunter2@broker:5672/vhost?heartbeat=30"))
        .isEqualTo("amqp://order-sync:[REDACTED]@broker:5672/vhost?heartbeat=30");
    assertThat(r.redactText("mail ops@example.com or see https://example.com/a:b"))
        .isEqualTo("mail ops@example.com or see https://example.com/a:b");
  }

  @Test
  void redactsKnownSecretsAndAuthorizationValues() {
    Redactor r = redactor.withKnownSecrets(List.of("s3cr3t-value"));
    assertThat(r.redactText("key s3cr3t-value, Authorization: Bearer abcdefghijkl"))
        .doesNotContain("s3cr3t-value")
        .doesNotContain("abcdefghijkl")
        .isEqualTo("key [REDACTED], Authorization: [REDACTED]");
  }

  @Test
  void masksTheLongerOfTwoOverlappingKnownSecretsWholeAndIgnoresShortOnes() {
    Redactor r = redactor.withKnownSecrets(List.of("tok-1", "tok-1-refresh", "abc", ""));
    assertThat(r.redactText("sent tok-1-refresh and tok-1, abc"))
        .isEqualTo("sent [REDACTED] and [REDACTED], abc");
    assertThat(r.withKnownSecrets(List.of("tok-1"))).isSameAs(r);
    assertThat(redactor.redactText("tok-1")).isEqualTo("tok-1");
  }

  @Test
  void redactsCredentialPairsInsideALine() {
    assertThat(redactor.redactText("rejected X-Api-Key: b1946ac92492d2347c6235b4d2611184 (401)"))
        .isEqualTo("rejected X-Api-Key: [REDACTED] (401)");
    assertThat(redactor.redactText("config api_key=abc123, retries=3"))
        .isEqualTo("config api_key=[REDACTED], retries=3");
    assertThat(redactor.redactText("sent Authorization:Basic dXNlcjpwYXNzd29yZA=="))
        .isEqualTo("sent Authorization:[REDACTED]");
    assertThat(redactor.redactText("{'access_token': 'abc'}"))
        .isEqualTo("{'access_token': '[REDACTED]'}");
    // ids built with colons stay readable
    assertThat(redactor.redactText("key=order-sync:createToken:ord_1 attempt 2"))
        .isEqualTo("key=order-sync:createToken:ord_1 attempt 2");
  }

  // ------------------------------------------------------------- text (reports)

  @Test
  void redactionKeepsWhatAReaderNeeds() {
    assertThat(redactor.redactText("Authorization: Bearer abc.def-123"))
        .isEqualTo("Authorization: [REDACTED]");
    assertThat(redactor.redactText("key sk_live_abcdef123456 used"))
        .isEqualTo("key sk_live_[REDACTED] used");
    assertThat(redactor.redactText("{\"client_secret\": \"x y z\"}"))
        .isEqualTo("{\"client_secret\": \"[REDACTED]\"}");
    assertThat(redactor.redactText("card 4242 4242 4242 4242."))
        .isEqualTo("card [REDACTED card ending 4242].");
    // not cards: fail Luhn, too short, or the seed
    assertThat(redactor.redactText("order 1234567890123 at 1718000000001"))
        .isEqualTo("order 1234567890123 at 1718000000001");
    assertThat(redactor.redactText("interlock verify --seed 4242424242424242"))
        .isEqualTo("interlock verify --seed 4242424242424242");
    assertThat(redactor.redactText("expected Basic authentication or a Bearer token"))
        .isEqualTo("expected Basic authentication or a Bearer token");
    assertThat(redactor.redactText("2024-06-01T10:00:00Z")).isEqualTo("2024-06-01T10:00:00Z");
  }

  @Test
  void redactsHeaderLinesOfAnHttpMessage() {
    String http =
        """
        POST /v1/charges HTTP/1.1
        Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvcmRlci1zeW5jIn0.dBjftJeZ4CVPmB92K27uhbUJU1p1r
        X-Session-Token: Zx9qLr2VtT8sWm4Kc7Yp
        Cookie: sessionid=38afes7a8; theme=dark
        Content-Type: application/json
        """;
    assertThat(redactor.redactText(http))
        .isEqualTo(
            """
            POST /v1/charges HTTP/1.1
            Authorization: [REDACTED]
            X-Session-Token: [REDACTED]
            Cookie: [REDACTED]
            Content-Type: application/json
            """);
  }

  @Test
  void redactsSecretJsonMembersInText() {
    assertThat(redactor.redactText("{\"cvc\": 123, \"refresh_token\": \"r-1\", \"id\": \"ch_1\"}"))
        .isEqualTo(
            "{\"cvc\": \"[REDACTED]\", \"refresh_token\": \"[REDACTED]\", \"id\": \"ch_1\"}");
  }

  @Test
  void redactsSchemeTokensButNotProse() {
    assertThat(redactor.redactText("curl -H 'x: Bearer abc.def-123'"))
        .isEqualTo("curl -H 'x: Bearer [REDACTED]'");
    assertThat(redactor.redactText("Digest dXNlcjpwYXNz")).isEqualTo("Digest [REDACTED]");
    assertThat(redactor.redactText("a Bearer credential")).isEqualTo("a Bearer credential");
  }

  @Test
  void redactsEveryApiKeyShapeKeepingItsPrefix() {
    assertThat(redactor.redactText("sk_live_51HxQ2bLkd9Zq7RvXa0Tt4Yw"))
        .isEqualTo("sk_live_[REDACTED]");
    assertThat(redactor.redactText("rk_test_abcdef12")).isEqualTo("rk_test_[REDACTED]");
    assertThat(redactor.redactText("whsec_5f2f0a0f9c1f4e2a")).isEqualTo("whsec_[REDACTED]");
    assertThat(redactor.redactText("ghp_16C7e42F292c6912E7710c838347Ae178B4a"))
        .isEqualTo("ghp_[REDACTED]");
    assertThat(redactor.redactText("glpat-abcdefghij0123456789")).isEqualTo("glpat-[REDACTED]");
    assertThat(redactor.redactText("github_pat_11ABCDEFG0123456789_abcdef"))
        .isEqualTo("[REDACTED]");
    assertThat(redactor.redactText("xoxb-1234567890-abc")).isEqualTo("[REDACTED]");
    assertThat(redactor.redactText("AKIAIOSFODNN7EXAMPLE")).isEqualTo("[REDACTED]");
    assertThat(redactor.redactText("AIzaSyA1234567890abcdefghijklmnopqrstu"))
        .isEqualTo("[REDACTED]");
    assertThat(
            redactor.redactText(
                "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvcmRlci1zeW5jIn0.dBjftJeZ4CVPmB92K27uhbUJU1p1r"))
        .isEqualTo("jwt [REDACTED]");
  }

  @Test
  void redactsOnlyLuhnValidCardNumbers() {
    assertThat(redactor.redactText("amex 3782-822463-10005, mc 5555 5555 5555 4444"))
        .isEqualTo("amex [REDACTED card ending 0005], mc [REDACTED card ending 4444]");
    assertThat(redactor.redactText("took 1718000000001 ms, 0.4242424242424242"))
        .isEqualTo("took 1718000000001 ms, 0.4242424242424242");
  }

  // ------------------------------------------------------------- runs

  @Test
  void redactsEveryTextOfARunAndWholeLabelsUnderSecretNames() {
    RunReport run = run();
    RunReport out = redactor.redactRun(run);

    CheckResult r = out.results().get(0);
    assertThat(out.command())
        .isEqualTo("interlock verify --seed 7 --header 'Authorization: [REDACTED]'");
    assertThat(r.subject()).isEqualTo("charge with sk_live_[REDACTED]");
    assertThat(r.message()).isEqualTo("sent [REDACTED card ending 4444]");
    assertThat(r.findings().get(0).hint()).isEqualTo("rotate whsec_[REDACTED]");
    assertThat(r.findings().get(0).location())
        .isEqualTo(run.results().get(0).findings().get(0).location());
    assertThat(r.evidence().get(0).content()).isEqualTo("{\"api_key\": \"[REDACTED]\"}");
    assertThat(r.labels())
        .containsEntry("api_key", "[REDACTED]")
        .containsEntry("note", "client_secret=[REDACTED]")
        .containsEntry("scenario", "flaky");
    assertThat(out.coverage().get(0).exercisedBy()).containsExactly("test with sk_live_[REDACTED]");
    assertThat(out.seed()).isEqualTo(7L);
  }

  @Test
  void redactionIsIdempotent() {
    RunReport once = redactor.redactRun(run());
    assertThat(redactor.redactRun(once)).isEqualTo(once);
    for (String text :
        List.of(
            "card_number: 4242424242424242",
            "number=4242424242424242 and cvc: 123",
            "{\"cvc\": 123, \"card\": \"4242 4242 4242 4242\"}",
            "Authorization: Basic dXNlcjpwYXNzd29yZA==",
            "api_key=sk_test_4eC39HqLyjWDarjtT1zdp7dc&x=1")) {
      String redacted = redactor.redactText(text);
      assertThat(redactor.redactText(redacted)).as(text).isEqualTo(redacted);
    }
  }

  private static RunReport run() {
    return new RunReport(
        "0.1.0",
        7L,
        "interlock verify --seed 7 --header 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvcmRlci1zeW5jIn0.dBjftJeZ4CVPmB92K27uhbUJU1p1r'",
        Instant.parse("2025-01-01T00:00:00Z"),
        Duration.ofSeconds(1),
        List.of(),
        List.of(
            new CheckResult(
                "adapter.sends-credentials",
                "charge with sk_live_51HxQ2bLkd9Zq7RvXa0Tt4Yw",
                "payments",
                "POST /v1/charges",
                Outcome.FAILED,
                Severity.ERROR,
                "sent 5555 5555 5555 4444",
                List.of(
                    Diagnostic.error("verify.secret.leak", "leak")
                        .at(SourceLocation.of(Path.of("payments.yaml"), 3, 1))
                        .hint("rotate whsec_5f2f0a0f9c1f4e2a")
                        .build()),
                List.of(Evidence.json("request body", "{\"api_key\": \"Zx9qLr2VtT8sWm4Kc7Yp\"}")),
                Duration.ofMillis(5),
                Map.of(
                    "api_key", "Zx9qLr2VtT8sWm4Kc7Yp",
                    "note", "client_secret=s3cr3t-Cl13nt-V4lu3",
                    "scenario", "flaky"))),
        List.of(
            new OperationCoverage(
                "payments",
                "2024-06",
                "POST /v1/charges",
                List.of("test with sk_live_51HxQ2bLkd9Zq7RvXa0Tt4Yw"))));
  }
}
