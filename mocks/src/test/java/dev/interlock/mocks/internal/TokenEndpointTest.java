package dev.interlock.mocks.internal;

import static dev.interlock.mocks.internal.Steps.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.mocks.ManualClock;
import dev.interlock.mocks.SandboxOptions;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenEndpointTest {

  static final ContractVersion LEDGER = Steps.version("openapi/3.1/ledger-2024.yaml");
  final ManualClock clock = ManualClock.startingAt(Instant.parse("2026-11-24T09:00:00Z"));
  final TokenStore tokens = new TokenStore(clock, 7);
  final TokenEndpoint endpoint =
      new TokenEndpoint(
          List.of(LEDGER),
          SandboxOptions.builder().clock(clock).clients(Map.of("c1", "s1")).build(),
          tokens,
          Steps.replies(),
          Steps.problems());
  final OperationModel op = Steps.operation(LEDGER, "issueToken");

  @Test
  void handlesAPostAtTheClientCredentialsTokenUrlOnly() {
    assertThat(endpoint.handles(call("POST", "/oauth/token", ""))).isTrue();
    assertThat(endpoint.handles(call("GET", "/oauth/token", ""))).isFalse();
    assertThat(endpoint.handles(call("POST", "/entries", ""))).isFalse();
  }

  @Test
  void issuesATokenTheStoreKnowsForAKnownClientByFormOrBasic() {
    Reply form =
        endpoint.issue(
            call(
                "POST",
                "/oauth/token",
                "grant_type=client_credentials&client_id=c1&client_secret=s1"),
            op);
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.header("Cache-Control")).isEqualTo("no-store");
    String token = Steps.json(form.body()).path("access_token").asText();
    assertThat(tokens.clientOf(token)).isEqualTo("c1");
    String basic = Base64.getEncoder().encodeToString("c1:s1".getBytes(StandardCharsets.UTF_8));
    Reply viaBasic =
        endpoint.issue(
            call(
                "POST",
                "/oauth/token",
                "grant_type=client_credentials",
                "Authorization",
                "Basic " + basic),
            op);
    assertThat(viaBasic.status()).isEqualTo(200);
  }

  @Test
  void refusesAnotherGrantWith400AndAWrongSecretWith401() {
    Reply grant = endpoint.issue(call("POST", "/oauth/token", "grant_type=password"), op);
    assertThat(grant.status()).isEqualTo(400);
    assertThat(grant.body()).contains("unsupported_grant_type");
    Reply client =
        endpoint.issue(
            call(
                "POST",
                "/oauth/token",
                "grant_type=client_credentials&client_id=c1&client_secret=no"),
            op);
    assertThat(client.status()).isEqualTo(401);
    assertThat(client.body()).contains("invalid_client");
  }
}
