package dev.interlock.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The request and response cases of the Pact specification's V3 test suite, each run through {@link
 * PactMatcher} and held to the verdict the specification expects.
 */
class PactSpecificationV3Test {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> PASSED = new ArrayList<>();

  static Path suite() {
    String corpus = System.getProperty("interlock.corpus", "../../shared/corpus");
    return Path.of(corpus, "pact-specification", "v3");
  }

  static Stream<Arguments> cases() throws IOException {
    Path index = suite().resolve("INDEX.tsv");
    if (!Files.isRegularFile(index)) {
      return Stream.of(Arguments.of("corpus absent", false, ""));
    }
    List<Arguments> out = new ArrayList<>();
    for (String line : Files.readAllLines(index)) {
      String[] cols = line.split("\t");
      if (cols[0].equals("file") || cols.length < 3) {
        continue;
      }
      out.add(Arguments.of(cols[0], Boolean.parseBoolean(cols[2]), cols.length > 3 ? cols[3] : ""));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} ({2})")
  @MethodSource("cases")
  void givesTheVerdictTheSpecificationExpects(String file, boolean expectedMatch, String comment)
      throws IOException {
    assumeTrue(
        Files.isRegularFile(suite().resolve("INDEX.tsv")), "pact specification corpus absent");
    JsonNode testCase = JSON.readTree(suite().resolve(file).toFile());
    JsonNode expected = testCase.get("expected");
    JsonNode actual = testCase.get("actual");
    PactMatcher.Result result =
        file.startsWith("request/")
            ? PactMatcher.matchRequest(expected, actual)
            : PactMatcher.matchResponse(expected, actual);
    assertThat(result.matched())
        .as("%s: %s; mismatches: %s", file, comment, result.mismatches())
        .isEqualTo(testCase.path("match").asBoolean(expectedMatch));
    synchronized (PASSED) {
      PASSED.add(file);
    }
  }

  @AfterAll
  static void printCount() {
    System.out.println(
        "pact-specification v3: " + PASSED.size() + " cases gave the expected verdict");
  }
}
