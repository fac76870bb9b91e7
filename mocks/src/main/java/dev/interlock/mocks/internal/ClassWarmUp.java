package dev.interlock.mocks.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.schema.JsonSchemaValidator;
import dev.interlock.core.schema.SchemaDialect;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * Loads and initialises, in the background, the classes every sandbox needs whatever its contract:
 * the HTTP server (Jetty under WireMock) and both validators. A contract's parse and this work need
 * one core each, so on a machine with two the sandbox's own start after the parse finds them ready
 * instead of paying for them then (for a large contract, seconds of its start-up).
 */
public final class ClassWarmUp {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ClassWarmUp() {}

  /** Starts the warm-up on a daemon thread and returns at once. */
  public static void inBackground() {
    StartupTrace.mark("command started");
    Thread t = new Thread(ClassWarmUp::run, "interlock-sandbox-class-warmup");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  private static void run() {
    try {
      server();
      StartupTrace.mark("server classes");
      validators();
      StartupTrace.mark("validator classes");
    } catch (RuntimeException | LinkageError e) {
      // only a head start: the sandbox loads whatever this did not
    }
  }

  private static void server() {
    WireMockServer server =
        new WireMockServer(
            WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .notifier(new SilentNotifier())
                .disableRequestJournal()
                .stubRequestLoggingDisabled(true));
    server.start();
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
    server.stop();
  }

  private static void validators() {
    OpenAPI api =
        new OpenAPI()
            .paths(
                new Paths()
                    .addPathItem(
                        "/things",
                        new PathItem()
                            .get(
                                new Operation()
                                    .addParametersItem(
                                        new QueryParameter().name("q").schema(new StringSchema()))
                                    .responses(
                                        new ApiResponses()
                                            .addApiResponse(
                                                "200", new ApiResponse().description("ok"))))));
    OpenApiInteractionValidator.createFor(api)
        .build()
        .validateRequest(SimpleRequest.Builder.get("/things").withQueryParam("q", "x").build());
    JsonNode schema = JSON.createObjectNode().put("type", "object");
    JsonSchemaValidator.forSchema(schema, SchemaDialect.OPENAPI_30)
        .validate(JsonPointer.ROOT, JSON.createObjectNode());
  }
}
