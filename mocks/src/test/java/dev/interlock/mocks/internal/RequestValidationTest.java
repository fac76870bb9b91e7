package dev.interlock.mocks.internal;

import static dev.interlock.mocks.internal.Steps.call;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestValidationTest {

  static final ContractVersion SHOP = Steps.shop();
  static final ContractVersion FORMS = Steps.version("openapi/3.0/forms.yaml");
  static final String FORM = "application/x-www-form-urlencoded";
  final RequestValidation validation =
      new RequestValidation(new RequestBodyReader(), Steps.problems());

  @Test
  void aValidRequestHasNoViolations() {
    Exchange ex =
        Steps.exchange(
            SHOP, call("POST", "/v1/orders", Steps.ORDER, "Content-Type", "application/json"), "k");
    assertThat(validation.violations(ex)).isEmpty();
    assertThat(validation.check(ex).refusal()).isEmpty();
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

  @Test
  void aMultipartBodyWithoutABoundaryIsOneViolationLocatedAtItsContentType() {
    Exchange ex =
        Steps.exchange(
            FORMS,
            call(
                "POST",
                "/v1/files",
                "--b\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nx\r\n--b--",
                "Content-Type",
                "multipart/form-data"),
            "k");
    assertThat(validation.violations(ex))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.pointer()).isEqualTo("/header/Content-Type");
              assertThat(v.message()).contains("no boundary");
            });
  }

  @Test
  void aDeepObjectFormBodyTheSchemaAcceptsIsValid() {
    Exchange ex =
        Steps.exchange(
            FORMS,
            call(
                "POST",
                "/v1/customers",
                "name=A&balance=3&metadata[order]=o-1",
                "Content-Type",
                FORM),
            "k");
    assertThat(validation.violations(ex)).isEmpty();
  }

  @Test
  void aFormBodyIsJudgedByItsSchemaAloneEachViolationLocatedInTheBody() {
    Exchange ex =
        Steps.exchange(
            FORMS,
            call(
                "POST",
                "/v1/customers",
                "name=A&balance=ten&metadata[order]=o-1",
                "Content-Type",
                FORM),
            "k");
    assertThat(validation.violations(ex))
        .extracting(Violation::pointer)
        .containsExactly("/body/balance");
    // the verdict on the rest of the request is remembered; the body's violations are not
    assertThat(validation.violations(ex))
        .extracting(Violation::pointer)
        .containsExactly("/body/balance");
  }
}
