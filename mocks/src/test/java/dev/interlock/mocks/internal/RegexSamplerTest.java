package dev.interlock.mocks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RegexSamplerTest {

  @Test
  void regexSamplerProducesMatchingStrings() {
    for (String p : List.of("^ord_[A-Za-z0-9]{8}$", "^[A-Z]{3}-[0-9]{1,4}$", "^(foo|bar)+\\d?$")) {
      String s = RegexSampler.sample(p, new SplittableRandom(1));
      assertThat(s).as(p).isNotNull().matches(p);
    }
    assertThat(RegexSampler.sample("(a)\\1", new SplittableRandom(1))).isNull();
  }
}
