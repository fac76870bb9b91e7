package dev.interlock.mocks.internal;

import static dev.interlock.mocks.internal.Steps.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.mocks.ManualClock;
import dev.interlock.mocks.SandboxOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecurityTest {

  static final ContractVersion SHOP = Steps.shop();
  static final ContractVersion LEDGER = Steps.version("openapi/3.1/ledger-2024.yaml");
  final ManualClock clock = ManualClock.startingAt(Instant.parse("2026-11-24T09:00:00Z"));
  final TokenStore tokens = new TokenStore(clock, 7);

  Security security(SandboxOptions options) {
    return new Security(options, tokens, Steps.problems());
  }

  @Test
  void aMissingApiKeyIs401WithAChallengeNamingTheHeader() {
    Reply r =
        security(SandboxOptions.defaults())
            .check(Steps.operation(SHOP, "listOrders"), call("GET", "/v1/orders", ""))
            .orElseThrow();
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.header("WWW-Authenticate")).contains("ApiKey", "name=\"X-Api-Key\"");
  }

  @Test
  void anyKeyPassesUnlessKeysAreConfiguredAndAnOperationWithoutSecurityNeedsNone() {
    OperationModel list = Steps.operation(SHOP, "listOrders");
    HttpCall withKey = call("GET", "/v1/orders", "", "X-Api-Key", "sk_any");
    assertThat(security(SandboxOptions.defaults()).check(list, withKey)).isEmpty();
    Security strict = security(SandboxOptions.builder().apiKeys(Set.of("sk_good")).build());
    assertThat(strict.check(list, withKey)).isPresent();
    assertThat(strict.check(Steps.operation(SHOP, "getProduct"), call("GET", "/v1/catalog/A", "")))
        .isEmpty();
  }

  @Test
  void anOAuthTokenMustHaveBeenIssuedHereAndNotExpired() {
    OperationModel op = Steps.operation(LEDGER, "createEntry");
    Security security = security(SandboxOptions.defaults());
    String token = tokens.issue(Duration.ofMinutes(5), "client-1");
    HttpCall call = call("POST", "/entries", "{}", "Authorization", "Bearer " + token);
    assertThat(security.check(op, call)).isEmpty();
    assertThat(security.check(op, call("POST", "/entries", "{}", "Authorization", "Bearer forged")))
        .get()
        .extracting(r -> r.header("WWW-Authenticate"))
        .asString()
        .contains("invalid_token");
    clock.advance(Duration.ofMinutes(6));
    assertThat(security.check(op, call).orElseThrow().header("WWW-Authenticate"))
        .contains("expired");
  }
}
