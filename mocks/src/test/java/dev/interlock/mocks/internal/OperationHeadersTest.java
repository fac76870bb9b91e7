package dev.interlock.mocks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OperationHeadersTest {

  static final ContractVersion SHOP = Steps.shop();

  @Test
  void aDeprecatedOperationAnswersWithDeprecationAndItsSunset() {
    Reply r =
        new OperationHeaders(null, false)
            .decorate(Steps.operation(SHOP, "getLabel"), Reply.of(200));
    assertThat(r.header("Deprecation")).isEqualTo("true");
    assertThat(r.header("Sunset")).isEqualTo("Wed, 30 Jun 2027 00:00:00 GMT");
  }

  @Test
  void theVersionHeaderIsSetOnlyWhenSeveralVersionsAreServed() {
    OperationModel op = Steps.operation(SHOP, "listOrders");
    assertThat(
            new OperationHeaders("Api-Version", true)
                .decorate(op, Reply.of(200))
                .header("Api-Version"))
        .isEqualTo("1.0");
    assertThat(new OperationHeaders("Api-Version", false).decorate(op, Reply.of(200)).headers())
        .isEmpty();
  }
}
