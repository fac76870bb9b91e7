package dev.interlock.mocks;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.Pact;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every interaction of every pact in the shared corpus ({@code ../shared/corpus/pacts/}, the Pact
 * Broker's own consumer contracts included) is answered by {@code PactStub} with its expected
 * response: each request is replayed as a provider would receive it and the answer compared with
 * Pact JVM's response matching. Links are served as the pact has them here (the rewrite of loopback
 * links to the stub is {@link PactStubIT}'s subject), so the comparison is with the pact as
 * written.
 */
class PactStubCorpusIT {

  static Stream<Path> corpusPacts() throws IOException {
    Path pacts = Fixtures.corpus().resolveSibling("pacts");
    try (Stream<Path> files = Files.walk(pacts)) {
      List<Path> found = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
      assertThat(found).as("pact files under " + pacts).hasSizeGreaterThanOrEqualTo(10);
      return found.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpusPacts")
  void answersEveryHttpInteractionWithItsResponse(Path file) throws Exception {
    Pact pact = DefaultPactReader.INSTANCE.loadPact(file.toFile());
    List<Interaction> http =
        pact.getInteractions().stream().filter(Interaction::isSynchronousRequestResponse).toList();
    PactStubOptions options = PactStubOptions.defaults().withLoopbackUrlsToStub(false);
    List<String> failures = new ArrayList<>();
    try (PactStub stub = PactStub.start(List.of(file), options)) {
      assertThat(stub.interactionCount()).isEqualTo(http.size());
      for (Interaction i : http) {
        HttpResponse<byte[]> got =
            PactReplay.send(stub.baseUri(), i, options.providerStateHeader());
        List<String> mismatches = PactReplay.mismatches(i.asSynchronousRequestResponse(), got);
        if (!mismatches.isEmpty()) {
          failures.add(
              "'"
                  + i.getDescription()
                  + "' "
                  + i.getProviderStates()
                  + " -> "
                  + got.statusCode()
                  + " "
                  + mismatches
                  + "\n   body: "
                  + new String(got.body()).substring(0, Math.min(600, got.body().length)));
        }
      }
      if (http.size() < pact.getInteractions().size()) {
        assertThat(stub.notes()).anyMatch(n -> n.contains("message interaction(s) ignored"));
      }
    }
    assertThat(failures).as(file.getFileName() + ": interactions answered wrongly").isEmpty();
  }
}
