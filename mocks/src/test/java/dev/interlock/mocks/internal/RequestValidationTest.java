package dev.interlock.mocks.internal;

import static dev.interlock.mocks.internal.Steps.call;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestValidationTest {

  static final ContractVersion SHOP = Steps.shop();
  final RequestValidation validation =
      new RequestValidation(new RequestBodyReader(), Steps.problems());

  @Test
  void aValidRequestHasNoViolations() {
    Exchange ex =
        Steps.exchange(
            SHOP, call("POST", "/v1/orders", Steps.ORDER, "Content-Type", "application/json"), "k");
    assertThat(validation.violations(ex)).isEmpty();
    assertThat(validation.check(ex)).isEmpty();
  }

  @Test
  void eachViolationOfTheBodyCarriesItsPointer() {
    Exchange ex =
        Steps.exchange(
            SHOP,
            call(
                "POST",
                "/v1/orders",
                "{\"currency\":\"GBP\",\"items\":[{\"sku\":\"TEA-1\",\"quantity\":0}]}",
                "Content-Type",
                "application/json"),
            "k");
    assertThat(validation.violations(ex))
        .extracting(Violation::pointer)
        .contains("/body/currency", "/body/items/0/quantity");
  }

  @Test
  void aQueryParameterOutOfRangeIsLocatedInTheQuery() {
    Exchange ex = Steps.exchange(SHOP, call("GET", "/v1/orders?limit=1000", ""), "k");
    assertThat(validation.violations(ex)).extracting(Violation::pointer).contains("/query/limit");
    // the verdict is remembered, and the same
    assertThat(validation.violations(ex)).extracting(Violation::pointer).contains("/query/limit");
  }
}
