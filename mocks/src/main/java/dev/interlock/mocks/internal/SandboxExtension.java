package dev.interlock.mocks.internal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * The WireMock face of the engine: a response-definition transformer applied to the sandbox's
 * single catch-all stub. It turns WireMock's request into an {@link HttpCall}, asks the engine, and
 * turns the {@link Reply} into a response definition (status, headers, body, delay, fault).
 */
public final class SandboxExtension implements ResponseDefinitionTransformerV2 {

  public static final String NAME = "interlock-sandbox";

  private final Engine engine;

  public SandboxExtension(Engine engine) {
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
    Reply reply = engine.handle(call);
    if (reply.reset()) {
      return ResponseDefinitionBuilder.responseDefinition()
          .withFault(Fault.CONNECTION_RESET_BY_PEER)
          .build();
    }
    ResponseDefinitionBuilder b = WireMockCalls.response(reply);
    if (reply.delayMillis() > 0) {
      b.withFixedDelay((int) Math.min(Integer.MAX_VALUE, reply.delayMillis()));
    }
    ResponseDefinition answer = b.build();
    StartupTrace.firstAnswer();
    return answer;
  }
}
