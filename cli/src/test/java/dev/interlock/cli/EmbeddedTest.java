package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.core.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The entry point the Maven plugin calls from its own class loader: JDK types in and out. */
class EmbeddedTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);

  @Test
  void runReturnsTheExitCodeOfTheCommandInsteadOfExiting() {
    int exit = Embedded.run(new String[] {"verify", "--no-such-flag"}, stream, stream);

    assertThat(exit).isEqualTo(ExitCode.UNUSABLE_INPUT);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("--no-such-flag");
  }

  @Test
  void startedSandboxesAnswerOnTheirUrlsByVendorUntilClosed() throws Exception {
    AutoCloseable started =
        Embedded.startSandboxes(
            new String[] {"--contracts", Fixtures.bundledContracts().toString(), "--seed", "7"},
            stream,
            stream);
    @SuppressWarnings("unchecked")
    Map<String, String> urls = ((Supplier<Map<String, String>>) started).get();
    String payments = urls.get("payments");
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest unauthenticated =
        HttpRequest.newBuilder(URI.create(payments + "/v1/charges/ch_missing")).build();
    try {
      assertThat(urls).containsOnlyKeys("accounting", "fulfilment", "payments", "storefront");
      assertThat(payments).startsWith("http://127.0.0.1:");
      assertThat(http.send(unauthenticated, HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(401);
    } finally {
      started.close();
    }
    assertThatThrownBy(() -> http.send(unauthenticated, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void contractsThatCannotBeServedAreAnIllegalArgumentSayingWhy(@TempDir Path empty) {
    assertThatThrownBy(
            () ->
                Embedded.startSandboxes(
                    new String[] {"--contracts", empty.toString()}, stream, stream))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nothing to serve");
    assertThatThrownBy(
            () -> Embedded.startSandboxes(new String[] {"--no-such-flag"}, stream, stream))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--no-such-flag");
  }

  @Test
  void diffAgainstAGitRefThatDoesNotExistIsUnusableInput(@TempDir Path notARepository) {
    int exit =
        Embedded.diff(notARepository.toString(), "no-such-ref", new String[0], stream, stream);

    assertThat(exit).isEqualTo(ExitCode.UNUSABLE_INPUT);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("git");
  }

  @Test
  void diffAgainstAFolderComparesItWithTheContracts() {
    Path contracts = Fixtures.bundledContracts();

    int exit =
        Embedded.diff(contracts.toString(), contracts.toString(), new String[0], stream, stream);

    assertThat(exit).isEqualTo(ExitCode.OK);
  }
}
