package com.example.shop.ordertocash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MinorUnitsTest {

  @Test
  void usesTheDecimalsOfEachCurrency() {
    assertThat(MinorUnits.toDecimal(5980, "EUR")).isEqualTo("59.80");
    assertThat(MinorUnits.toDecimal(5980, "JPY")).isEqualTo("5980");
    assertThat(MinorUnits.toDecimal(1234, "KWD")).isEqualTo("1.234");
  }

  @Test
  void keepsSmallAmountsAndZeroInTheFormPaymentsAccepts() {
    assertThat(MinorUnits.toDecimal(5, "EUR")).isEqualTo("0.05");
    assertThat(MinorUnits.toDecimal(0, "EUR")).isEqualTo("0.00");
  }

  @Test
  void refusesCurrenciesWithoutAMinorUnitSayingWhich() {
    assertThatThrownBy(() -> MinorUnits.toDecimal(100, "ZZZ"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown currency 'ZZZ'");
    assertThatThrownBy(() -> MinorUnits.toDecimal(100, "XXX"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("currency 'XXX' has no minor unit to convert from");
  }
}
