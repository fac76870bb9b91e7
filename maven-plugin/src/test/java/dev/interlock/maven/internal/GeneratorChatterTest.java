package dev.interlock.maven.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GeneratorChatterTest {

  @AfterEach
  void forget() {
    GeneratorChatter.LOGGERS.forEach(l -> System.clearProperty(GeneratorChatter.PREFIX + l));
  }

  @Test
  void theGeneratorsLogErrorsOnlyButALevelTheUserChoseStays() {
    System.setProperty(GeneratorChatter.PREFIX + "org.openapitools", "info");

    GeneratorChatter.quiet();

    assertThat(System.getProperty(GeneratorChatter.PREFIX + "org.openapitools")).isEqualTo("info");
    assertThat(System.getProperty(GeneratorChatter.PREFIX + "io.swagger")).isEqualTo("error");
    assertThat(System.getProperty(GeneratorChatter.PREFIX + "com.networknt")).isEqualTo("error");
  }
}
