package dev.interlock.core.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.JsonPointer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DocumentReaderTest {

  private final DocumentReader reader = new DocumentReader();

  @Test
  void yamlPointersMapBackToTheLineAndColumnOfTheirKey() {
    String yaml =
        """
        openapi: 3.0.3
        paths:
          /charges:
            post:
              operationId: createCharge
              tags: [a, b]
        """;
    SourceDocument doc = reader.read(Path.of("x.yaml"), yaml).document().orElseThrow();

    assertThat(doc.locate(JsonPointer.of("paths", "/charges", "post", "operationId")))
        .satisfies(l -> assertThat(l.line()).isEqualTo(5))
        .satisfies(l -> assertThat(l.column()).isEqualTo(7));
    assertThat(doc.locate(JsonPointer.of("paths", "/charges", "post", "tags", "1")).column())
        .isEqualTo(17);
  }

  @Test
  void jsonPointersMapBackToTheLineAndColumnOfTheirKey() {
    String json = "{\n  \"a\": {\n    \"b\": [1,\n      {\"c\": true}]\n  }\n}\n";
    SourceDocument doc = reader.read(Path.of("x.json"), json).document().orElseThrow();

    assertThat(doc.locate(JsonPointer.of("a", "b")).line()).isEqualTo(3);
    assertThat(doc.locate(JsonPointer.of("a", "b", "1", "c")).line()).isEqualTo(4);
    assertThat(doc.locate(JsonPointer.of("a", "b", "1", "c")).column()).isEqualTo(8);
    assertThat(doc.root().at("/a/b/1/c").asBoolean()).isTrue();
  }

  @Test
  void aPointerPastTheDocumentLocatesItsDeepestExistingAncestor() {
    SourceDocument doc =
        reader.read(Path.of("x.yaml"), "a:\n  b:\n    c: 1\n").document().orElseThrow();

    assertThat(doc.locate(JsonPointer.of("a", "b", "missing")).line()).isEqualTo(2);
  }

  @Test
  void plainScalarsAreTypedByTheYaml12CoreSchema() {
    String yaml =
        "country: NO\nflag: on\ndate: 2024-06-01\ncount: 42\nratio: 0.5\nyes_: true\nnothing: ~\n";
    SourceDocument doc = reader.read(Path.of("x.yaml"), yaml).document().orElseThrow();

    assertThat(doc.root().get("country").isTextual()).isTrue();
    assertThat(doc.root().get("flag").asText()).isEqualTo("on");
    assertThat(doc.root().get("date").asText()).isEqualTo("2024-06-01");
    assertThat(doc.root().get("count").isInt()).isTrue();
    assertThat(doc.root().get("ratio").isDouble()).isTrue();
    assertThat(doc.root().get("yes_").isBoolean()).isTrue();
    assertThat(doc.root().get("nothing").isNull()).isTrue();
  }

  @Test
  void quotedScalarsStayStrings() {
    SourceDocument doc =
        reader.read(Path.of("x.yaml"), "a: '42'\nb: \"true\"\n").document().orElseThrow();

    assertThat(doc.root().get("a").isTextual()).isTrue();
    assertThat(doc.root().get("b").isTextual()).isTrue();
  }

  @Test
  void aFewAliasesAreFine() {
    String yaml = "base: &b {type: string}\nx: *b\ny: *b\n";
    SourceDocument doc = reader.read(Path.of("x.yaml"), yaml).document().orElseThrow();

    assertThat(doc.root().at("/y/type").asText()).isEqualTo("string");
  }
}
