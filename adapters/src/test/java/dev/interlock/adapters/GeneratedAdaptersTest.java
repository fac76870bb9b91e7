package dev.interlock.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GeneratedAdaptersTest {

  @Test
  void findsTheAdapterGeneratedForEveryBundledVendorVersion() {
    for (List<String> vv :
        List.of(
            List.of("payments", "2024-06-01"),
            List.of("payments", "2025-01-15"),
            List.of("accounting", "v1"),
            List.of("fulfilment", "v1"),
            List.of("fulfilment", "v2"),
            List.of("storefront", "v1"))) {
      assertThat(GeneratedAdapters.spec(vv.get(0), vv.get(1)))
          .as(GeneratedAdapters.className(vv.get(0), vv.get(1)))
          .hasValueSatisfying(spec -> assertThat(spec.vendor()).isEqualTo(vv.get(0)));
    }
  }

  @Test
  void aVersionNothingWasGeneratedForIsEmpty() {
    assertThat(GeneratedAdapters.spec("payments", "1999-01-01")).isEmpty();
  }
}
