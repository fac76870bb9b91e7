package com.example.shop.ordertocash;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * The storefront sends money as an integer in the currency's minor unit ({@code 5980} EUR cents);
 * payments wants a decimal string in major units ({@code "59.80"}). The number of decimals is the
 * currency's own (ISO 4217 via {@link Currency}): two for EUR, none for JPY, three for KWD.
 */
public final class MinorUnits {

  private MinorUnits() {}

  /**
   * @throws IllegalArgumentException for a currency code ISO 4217 does not know or one without a
   *     minor unit (such as {@code XXX}), saying which
   */
  public static String toDecimal(long minorUnits, String currencyCode) {
    Currency currency;
    try {
      currency = Currency.getInstance(currencyCode);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown currency '" + currencyCode + "'", e);
    }
    int decimals = currency.getDefaultFractionDigits();
    if (decimals < 0) {
      throw new IllegalArgumentException(
          "currency '" + currencyCode + "' has no minor unit to convert from");
    }
    return BigDecimal.valueOf(minorUnits).movePointLeft(decimals).toPlainString();
  }
}
