package dev.interlock.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.core.model.DefaultPactReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interlock.core.Diagnostic;
import dev.interlock.core.Fixtures;
import dev.interlock.core.Severity;
import dev.interlock.core.contract.PactContract;
import dev.interlock.core.contract.PactInteraction;
import dev.interlock.core.document.DocumentReader;
import dev.interlock.core.document.SourceDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pacts as pact tools write them: Pact JVM (the corpus), the Rust core behind pact-js 10 and later
 * (written by pact-js 17.1.4, see {@code pact/README.md}), older pact-js, and V4 shapes Pact JVM
 * cannot read.
 */
class PactReaderTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  private PactContract read(Path file) {
    SourceDocument doc = new DocumentReader().read(file).document().orElseThrow();
    return new PactReader().read(doc, diagnostics).orElseThrow();
  }

  private List<Diagnostic> readerNotes() {
    return diagnostics.stream().filter(d -> d.code().equals(PactReader.READER_CODE)).toList();
  }

  @Test
  void aV4PactWithRawBodiesAndStringCommentsIsReadByInterlocksOwnReader() throws IOException {
    Path file = Fixtures.resource("pact/v4/raw-bodies-string-comments.json");
    assertThatThrownBy(() -> DefaultPactReader.INSTANCE.loadPact(Files.readString(file)))
        .as("the premise: Pact JVM cannot read this pact")
        .isInstanceOf(RuntimeException.class);

    PactContract pact = read(file);

    assertThat(readerNotes())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.severity()).isEqualTo(Severity.INFO);
              assertThat(d.message()).contains("Interlock's reader", "Pact JVM could not read it");
              assertThat(d.actual()).isNotBlank();
            });
    assertThat(diagnostics).noneMatch(Diagnostic::isError);
    assertThat(pact.specVersion()).isEqualTo("4.0");
    assertThat(pact.consumer()).isEqualTo("web");
    assertThat(pact.provider()).isEqualTo("charges-api");

    PactInteraction.Http get = pact.httpInteractions().get(0);
    assertThat(get.providerStates()).containsExactly("a charge ch_1 exists");
    assertThat(get.request().method()).isEqualTo("GET");
    assertThat(get.request().query()).containsEntry("expand", List.of("customer"));
    assertThat(get.response().status()).isEqualTo(200);
    PactInteraction.Body body = get.response().body().orElseThrow();
    assertThat(body.contentType()).isEqualTo("application/json; charset=utf-8");
    assertThat(JSON.readTree(body.text()))
        .isEqualTo(JSON.readTree("{\"id\":\"ch_1\",\"amount\":1000}"));
    assertThat(get.response().matchingRules())
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.category() + " " + r.path() + " " + r.match())
                    .isEqualTo("body $.amount integer"));

    PactInteraction.Http post = pact.httpInteractions().get(1);
    assertThat(post.request().method()).isEqualTo("POST");
    assertThat(post.request().body().orElseThrow().text()).isEqualTo("amount=1000&currency=eur");
    assertThat(post.response().body().orElseThrow().text()).isEqualTo("{\"id\":\"ch_2\"}");

    PactInteraction.Message event = pact.messageInteractions().get(0);
    assertThat(event.pointer()).hasToString("#/interactions/2");
    assertThat(event.contents().orElseThrow().text()).isEqualTo("charge ch_1 succeeded");
    assertThat(event.contents().orElseThrow().contentType()).isEqualTo("text/plain");
    assertThat(event.metadata()).containsEntry("topic", "charges");
  }

  @Test
  void pactsWrittenByTheRustCoreBehindPactJsAreRead() {
    PactContract v3 = read(Fixtures.resource("pact/v3/pact-js-17_charges.json"));
    PactContract v4 = read(Fixtures.resource("pact/v4/pact-js-17_charges.json"));

    assertThat(diagnostics).noneMatch(Diagnostic::isError);
    assertThat(v3.httpInteractions())
        .extracting(i -> i.request().method() + " " + i.request().path())
        .containsExactlyInAnyOrder("GET /v1/charges/ch_1", "POST /v1/charges");
    // V4 from the Rust core: a synchronous message (not verified), an asynchronous one, HTTP.
    assertThat(v4.httpInteractions())
        .singleElement()
        .satisfies(
            i -> assertThat(i.response().body().orElseThrow().text()).contains("\"amount\""));
    assertThat(v4.messageInteractions())
        .singleElement()
        .satisfies(m -> assertThat(m.metadata()).containsEntry("topic", "charges"));
  }

  @Test
  void aMessagePactWrittenByOlderPactJsIsRead() {
    PactContract pact = read(Fixtures.resource("pact/v3/pact-js-9_message.json"));

    assertThat(diagnostics).noneMatch(Diagnostic::isError);
    assertThat(pact.messageInteractions())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.providerStates()).containsExactly("message is valid");
              assertThat(m.contents().orElseThrow().text()).contains("\"projectId\":1");
            });
  }

  static Stream<Path> pactsPactJvmReads() throws IOException {
    List<Path> out = new ArrayList<>();
    for (String f :
        List.of(
            "pact/v3/pact-js-17_charges.json",
            "pact/v4/pact-js-17_charges.json",
            "pact/v3/pact-js-9_message.json")) {
      out.add(Fixtures.resource(f));
    }
    Path corpus = Path.of(System.getProperty("interlock.corpus", "../shared/corpus"), "pacts");
    if (Files.isDirectory(corpus)) {
      try (Stream<Path> files = Files.walk(corpus)) {
        files.filter(p -> p.toString().endsWith(".json")).sorted().forEach(out::add);
      }
    }
    return out.stream();
  }

  /** Our reader is held to Pact JVM's reading wherever Pact JVM can read. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("pactsPactJvmReads")
  void interlocksReaderReadsWhatPactJvmReads(Path file) throws IOException {
    SourceDocument doc = new DocumentReader().read(file).document().orElseThrow();
    String array = doc.root().has("messages") ? "messages" : "interactions";

    PactJvmReader.Read jvm = new PactJvmReader().read(doc, array);
    PactJsonReader.Read ours =
        new PactJsonReader()
            .read(doc.root(), array, PactReader.specVersion(doc.root()).startsWith("4"));

    assertThat(readerNotes()).isEmpty();
    assertThat(ours.problems()).isEmpty();
    assertThat(ours.consumer()).isEqualTo(jvm.consumer());
    assertThat(ours.provider()).isEqualTo(jvm.provider());
    assertThat(ours.interactions()).hasSameSizeAs(jvm.interactions());
    for (int i = 0; i < jvm.interactions().size(); i++) {
      assertThat(summary(ours.interactions().get(i)))
          .as("interaction %d of %s", i, file)
          .isEqualTo(summary(jvm.interactions().get(i)));
    }
  }

  /** What verification reads of an interaction, bodies compared as JSON where they are JSON. */
  private static List<Object> summary(PactInteraction interaction) {
    List<Object> out = new ArrayList<>();
    out.add(interaction.description());
    out.add(interaction.providerStates());
    out.add(interaction.pointer().toString());
    if (interaction instanceof PactInteraction.Http http) {
      out.add(http.request().method());
      out.add(http.request().path());
      out.add(http.request().query());
      out.add(body(http.request().body()));
      out.add(http.response().status());
      out.add(body(http.response().body()));
      out.add(rules(http.request().matchingRules()));
      out.add(rules(http.response().matchingRules()));
    } else if (interaction instanceof PactInteraction.Message m) {
      out.add(body(m.contents()));
      out.add(rules(m.matchingRules()));
    }
    return out;
  }

  private static Object body(Optional<PactInteraction.Body> body) {
    if (body.isEmpty()) {
      return "no body";
    }
    String text = body.get().text();
    try {
      JsonNode n = JSON.readTree(text);
      return n == null ? text : n;
    } catch (IOException e) {
      return text;
    }
  }

  private static List<String> rules(List<PactInteraction.MatchingRule> rules) {
    return rules.stream()
        .map(r -> r.category() + " " + r.path() + " " + r.match())
        .sorted()
        .toList();
  }
}
