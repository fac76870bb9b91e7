package dev.interlock.broker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A loopback WireMock server answering with the HAL documents under {@code recorded/} (see the
 * README there), their {@code http://localhost:9292} links pointing back at it.
 */
public final class RecordedBroker implements AutoCloseable {

  public final WireMockServer server;

  public RecordedBroker() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
  }

  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  /** A recorded document as a HAL response, links rewritten to this server. */
  public ResponseDefinitionBuilder hal(String name) {
    return hal(200, name);
  }

  public ResponseDefinitionBuilder hal(int status, String name) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/hal+json;charset=utf-8")
        .withBody(document(name));
  }

  public String document(String name) {
    try (InputStream in = RecordedBroker.class.getResourceAsStream("/recorded/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no recorded document " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("http://localhost:9292", baseUri().toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop();
  }
}
