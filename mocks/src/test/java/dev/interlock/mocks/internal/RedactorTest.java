package dev.interlock.mocks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RedactorTest {

  @Test
  void redactsCredentialHeadersButKeepsIdempotencyKeys() {
    Map<String, String> out =
        Redactor.headers(
            Map.of(
                "Authorization", List.of("Bearer x"),
                "X-Api-Key", List.of("k"),
                "Cookie", List.of("s=1"),
                "Idempotency-Key", List.of("idem-1")));
    assertThat(out)
        .containsEntry("Authorization", "[REDACTED]")
        .containsEntry("X-Api-Key", "[REDACTED]")
        .containsEntry("Cookie", "[REDACTED]")
        .containsEntry("Idempotency-Key", "idem-1");
  }

  @Test
  void redactsSecretFieldsAndLuhnValidCardNumbersInBodies() {
    String json =
        Redactor.body(
            "{\"client_secret\":\"s\",\"card\":{\"number\":\"4242424242424242\"},\"order\":\"1234567890123\"}",
            "application/json");
    assertThat(json).doesNotContain("4242424242424242", "\"s\"").contains("1234567890123");
    assertThat(
            Redactor.body(
                "grant_type=client_credentials&client_secret=abc",
                "application/x-www-form-urlencoded"))
        .isEqualTo("grant_type=client_credentials&client_secret=[REDACTED]");
  }

  @Test
  void regexSamplerProducesMatchingStrings() {
    for (String p : List.of("^ord_[A-Za-z0-9]{8}$", "^[A-Z]{3}-[0-9]{1,4}$", "^(foo|bar)+\\d?$")) {
      String s = RegexSampler.sample(p, new SplittableRandom(1));
      assertThat(s).as(p).isNotNull().matches(p);
    }
    assertThat(RegexSampler.sample("(a)\\1", new SplittableRandom(1))).isNull();
  }
}
