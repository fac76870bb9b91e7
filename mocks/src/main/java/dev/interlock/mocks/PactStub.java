package dev.interlock.mocks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.interlock.mocks.internal.ContractOnlyServerFactory;
import dev.interlock.mocks.internal.SilentNotifier;
import dev.interlock.mocks.internal.pact.PactFiles;
import dev.interlock.mocks.internal.pact.PactStubEngine;
import dev.interlock.mocks.internal.pact.PactStubExtension;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Pacts served as a stub, what {@code pact-stub-server} does, on the sandbox's engine: each HTTP
 * interaction's request is answered with its response. Pact matching rules are honoured (Pact JVM's
 * request matching); among several matching interactions the one whose provider state the request
 * names in the {@link PactStubOptions#providerStateHeader()} wins, else the most specific, else the
 * first served. A request no interaction matches gets an RFC 9457 problem saying, per candidate
 * interaction, why it did not match.
 *
 * <pre>{@code
 * try (PactStub broker = PactStub.start(List.of(pact), PactStubOptions.defaults())) {
 *   URI base = broker.baseUri();   // http://127.0.0.1:54321
 *   ...
 *   broker.journal();              // what it received and answered, secrets redacted
 * }
 * }</pre>
 *
 * <p>In the {@link #journal()}, an entry's {@code operationId} is the description of the
 * interaction that answered and its {@code version} that interaction's first provider state; both
 * are null when nothing matched.
 */
public final class PactStub implements AutoCloseable {

  private final WireMockServer server;
  private final PactStubEngine engine;
  private final URI baseUri;
  private final int interactions;
  private final List<String> notes;

  private PactStub(
      WireMockServer server,
      PactStubEngine engine,
      URI baseUri,
      int interactions,
      List<String> notes) {
    this.server = server;
    this.engine = engine;
    this.baseUri = baseUri;
    this.interactions = interactions;
    this.notes = notes;
  }

  /**
   * Reads the pacts and starts serving them.
   *
   * @throws IllegalArgumentException naming the file, when a pact is missing or unreadable, or no
   *     file is given
   */
  public static PactStub start(List<Path> pactFiles, PactStubOptions options) {
    PactFiles.Loaded loaded = PactFiles.load(pactFiles);
    PactStubEngine engine = new PactStubEngine(loaded.interactions(), options, Clock.systemUTC());
    WireMockConfiguration config =
        WireMockConfiguration.options()
            .bindAddress(options.host())
            .notifier(new SilentNotifier())
            // the stub keeps its own bounded, redacted journal
            .disableRequestJournal()
            .stubRequestLoggingDisabled(true)
            .stubCorsEnabled(false)
            .httpServerFactory(new ContractOnlyServerFactory())
            .extensions(new PactStubExtension(engine));
    if (options.port() == 0) {
      config.dynamicPort();
    } else {
      config.port(options.port());
    }
    WireMockServer server = new WireMockServer(config);
    server.start();
    server.resetMappings();
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
    URI base = URI.create("http://" + hostForUrl(options.host()) + ":" + server.port());
    engine.listeningAt(base);
    return new PactStub(server, engine, base, loaded.interactions().size(), loaded.notes());
  }

  /** A wildcard bind address is not a place to send requests to: loopback stands in for it. */
  private static String hostForUrl(String host) {
    if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
      return "127.0.0.1";
    }
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  /** Where the stub listens, e.g. {@code http://127.0.0.1:54321}, without a trailing slash. */
  public URI baseUri() {
    return baseUri;
  }

  /** What the stub received and answered, oldest first, secrets redacted. */
  public List<JournalEntry> journal() {
    return engine.journal().entries();
  }

  /** How many HTTP interactions it serves. */
  public int interactionCount() {
    return interactions;
  }

  /** What was left out of the pacts, one line each (message interactions). */
  public List<String> notes() {
    return notes;
  }

  @Override
  public void close() {
    server.stop();
  }
}
