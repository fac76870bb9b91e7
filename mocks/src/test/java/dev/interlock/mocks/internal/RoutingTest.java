package dev.interlock.mocks.internal;

import static dev.interlock.mocks.internal.Steps.call;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingTest {

  static final ContractVersion SHOP = Steps.shop();

  @Test
  void routesUnderTheServersBasePathToTheOperationAndItsParameters() {
    Routing.Routed r = new Routing(List.of(SHOP), null).route(call("GET", "/v1/orders/ord_1", ""));
    assertThat(r.refusal()).isNull();
    assertThat(r.match().operation().id()).isEqualTo("getOrder");
    assertThat(r.match().params()).containsEntry("orderId", "ord_1");
  }

  @Test
  void anUnknownPathIsA404ProblemNamingTheClosestOperations() {
    Reply r = new Routing(List.of(SHOP), null).route(call("GET", "/v1/ordres", "")).refusal();
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.header("Content-Type")).isEqualTo(Problems.PROBLEM_JSON);
    assertThat(Steps.json(r.body()).path("closestOperations").toString())
        .contains("GET /v1/orders");
  }

  @Test
  void aWrongMethodIsA405WithAllow() {
    Reply r = new Routing(List.of(SHOP), null).route(call("PUT", "/v1/orders", "")).refusal();
    assertThat(r.status()).isEqualTo(405);
    assertThat(r.header("Allow")).contains("GET", "POST");
  }

  @Test
  void theVersionHeaderChoosesTheVersionAndAnUnknownOneIs400() {
    List<ContractVersion> both =
        List.of(
            Steps.version("openapi/3.1/ledger-2024.yaml"),
            Steps.version("openapi/3.1/ledger-2025.yaml"));
    Routing routing = new Routing(both, null);
    assertThat(routing.versionHeader()).isEqualTo("Ledger-Version");
    Routing.Routed old =
        routing.route(call("GET", "/entries/e1", "", "Ledger-Version", "2024-01-01"));
    assertThat(old.match().operation().version().label()).isEqualTo("2024-01-01");
    Routing.Routed latest = routing.route(call("GET", "/entries/e1", ""));
    assertThat(latest.match().operation().version().label()).isEqualTo("2025-01-01");
    Reply unknown =
        routing.route(call("GET", "/entries/e1", "", "Ledger-Version", "1999-01-01")).refusal();
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body()).contains("1999-01-01", "2024-01-01", "2025-01-01");
  }
}
