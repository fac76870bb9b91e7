package dev.interlock.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {

  @TempDir Path dir;

  @Test
  void writeAllWritesEveryFormatAndSaysWhere() {
    List<Path> written = Reports.writeAll(RunFixtures.typical(), dir, RunFixtures.OPTIONS);

    assertThat(written)
        .containsExactly(
            dir.resolve("interlock-report.json"),
            dir.resolve("junit/TEST-interlock.xml"),
            dir.resolve("interlock.sarif"),
            dir.resolve("summary.md"),
            dir.resolve("interlock-report.html"),
            dir.resolve("allure-results"));
    assertThat(written).allSatisfy(p -> assertThat(p).exists());
  }

  @Test
  void formatsAreFoundByNameOrAlias() {
    for (String format : Reports.FORMATS) {
      assertThat(Reports.format(format)).contains(format);
    }
    assertThat(Reports.format("MD")).contains("markdown");
    assertThat(Reports.format("xml")).contains("junit");
    assertThat(Reports.format("pdf")).isEmpty();
  }

  @Test
  void writesOnlyTheFormatsAskedFor() {
    List<Path> written =
        Reports.write(RunFixtures.typical(), dir, RunFixtures.OPTIONS, List.of("md", "sarif"));

    assertThat(written).containsExactly(dir.resolve("interlock.sarif"), dir.resolve("summary.md"));
    assertThat(dir.resolve("interlock-report.html")).doesNotExist();
  }

  @Test
  void sourceLinksComeFromTheCiEnvironment() {
    assertThat(
            ReportOptions.fromEnvironment(
                    Map.of(
                        "GITHUB_SERVER_URL",
                        "https://github.com",
                        "GITHUB_REPOSITORY",
                        "acme/shop",
                        "GITHUB_SHA",
                        "abc"))
                .sourceLinkBase())
        .isEqualTo("https://github.com/acme/shop/blob/abc/");
    assertThat(
            ReportOptions.fromEnvironment(
                    Map.of(
                        "CI_PROJECT_URL", "https://gitlab.com/acme/shop", "CI_COMMIT_SHA", "def"))
                .sourceLinkBase())
        .isEqualTo("https://gitlab.com/acme/shop/-/blob/def/");
    assertThat(ReportOptions.fromEnvironment(Map.of()).sourceLinkBase()).isNull();
  }
}
