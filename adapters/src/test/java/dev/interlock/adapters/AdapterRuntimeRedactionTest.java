package dev.interlock.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The runtime hands the core redactor every credential value it holds; the rules are tested in
 * core.
 */
class AdapterRuntimeRedactionTest {

  @Test
  void redactsTheCredentialsItHoldsAndTokensItLearnsFromEveryLogLine() {
    List<String> log = new ArrayList<>();
    AdapterRuntime runtime =
        AdapterRuntime.builder("order-sync")
            .credentials(
                "fulfilment", Credentials.apiKey("X-Api-Key", Secret.of("plainkey42", "env:K")))
            .log(log::add)
            .build();
    runtime.addSecret("fetched-token-1");

    runtime.log("called with plainkey42 and fetched-token-1");

    assertThat(log).last().isEqualTo("called with [REDACTED] and [REDACTED]");
    assertThat(runtime.redact("plainkey42")).isEqualTo("[REDACTED]");
  }
}
