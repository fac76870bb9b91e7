package dev.interlock.mocks.internal.pact;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.interlock.mocks.internal.HttpCall;
import dev.interlock.mocks.internal.WireMockCalls;

/**
 * The WireMock face of the stub: applied to the server's single catch-all stub, it hands the
 * request to the {@link PactStubEngine} and turns its answer into WireMock's response, the body as
 * exact bytes (a pact may hold a binary body).
 */
public final class PactStubExtension implements ResponseDefinitionTransformerV2 {

  public static final String NAME = "interlock-pact-stub";

  private final PactStubEngine engine;

  public PactStubExtension(PactStubEngine engine) {
    this.engine = engine;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return true;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    HttpCall call = WireMockCalls.of(serveEvent.getRequest());
    Answer answer = engine.handle(call);
    ResponseDefinitionBuilder b = WireMockCalls.response(answer.reply());
    if (answer.body() != null) {
      b.withBody(answer.body());
    }
    return b.build();
  }
}
