package dev.interlock.cli.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {

  @Test
  void placeholdersAreFilledAndDoubledDollarsStayMavenProperties() {
    String pom =
        Template.load("adapter/pom.xml")
            .render(
                Map.ofEntries(
                    Map.entry("name", "invoice-sync"),
                    Map.entry("groupId", "com.example.invoicesync"),
                    Map.entry("uses", "payments 2025-01-15"),
                    Map.entry("interlockVersion", "9.9.9"),
                    Map.entry("contractsPath", "../contracts"),
                    Map.entry("jacksonVersion", "1"),
                    Map.entry("junitVersion", "2"),
                    Map.entry("pactVersion", "3"),
                    Map.entry("assertjVersion", "4")));

    assertThat(pom)
        .contains("<artifactId>invoice-sync</artifactId>")
        .contains("<interlock.version>9.9.9</interlock.version>")
        .contains("<interlock.contracts>${project.basedir}/../contracts</interlock.contracts>")
        .contains("<version>${interlock.version}</version>")
        .doesNotContain("$${");
  }

  @Test
  void aPlaceholderWithoutAValueIsAProgrammerMistakeNotAHole() {
    assertThatThrownBy(() -> Template.load("manifest-auth.yaml").render(Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("${fields}");
  }
}
