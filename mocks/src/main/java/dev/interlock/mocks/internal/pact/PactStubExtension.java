package dev.interlock.mocks.internal.pact;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.interlock.mocks.internal.HttpCall;
import dev.interlock.mocks.internal.Reply;
import dev.interlock.mocks.internal.WireMockCalls;
import java.util.ArrayList;
import java.util.List;

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
    Reply reply = answer.reply();
    List<HttpHeader> out = new ArrayList<>();
    reply.headers().forEach((k, v) -> out.add(new HttpHeader(k, v)));
    ResponseDefinitionBuilder b =
        ResponseDefinitionBuilder.responseDefinition()
            .withStatus(reply.status())
            .withHeaders(new HttpHeaders(out));
    if (answer.body() != null) {
      b.withBody(answer.body());
    } else if (!reply.body().isEmpty()) {
      b.withBody(reply.body());
    }
    return b.build();
  }
}
