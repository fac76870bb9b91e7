package dev.interlock.mocks.internal.pact;

import au.com.dius.pact.core.model.ContentType;
import au.com.dius.pact.core.model.IResponse;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.model.Response;
import au.com.dius.pact.core.model.generators.GeneratorTestMode;
import dev.interlock.mocks.internal.Reply;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders an interaction's response: status, headers and body as the pact has them, with the
 * generators a stub applies ({@link StubGenerators}) run by Pact JVM, and, when asked, the absolute
 * URLs on a loopback host rewritten to the stub's own base URL.
 */
final class ResponseRenderer {

  /** An absolute URL's origin on a loopback host, as a consumer test's mock server hands out. */
  private static final Pattern LOOPBACK_ORIGIN =
      Pattern.compile("https?://(?:localhost|127\\.0\\.0\\.1|\\[::1])(?::\\d+)?(?![\\w.-])");

  private final SeededValues seeded;
  private final boolean loopbackToStub;

  ResponseRenderer(SeededValues seeded, boolean loopbackToStub) {
    this.seeded = seeded;
    this.loopbackToStub = loopbackToStub;
  }

  /**
   * The interaction's response with the stub's generators applied ({@link StubGenerators}).
   *
   * @param base the stub's base URL as the client reached it (no trailing slash)
   * @param stateValues the provider-state values known for this request
   */
  IResponse generate(StubInteraction interaction, URI base, Map<String, Object> stateValues) {
    IResponse pact = interaction.response();
    Response forStub =
        new Response(
            pact.getStatus(),
            pact.getHeaders(),
            pact.getBody(),
            pact.getMatchingRules(),
            StubGenerators.forStub(pact.getGenerators(), seeded.nextAnswer(interaction.index())));
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("mockServer", Map.of("href", base.toString(), "port", base.getPort()));
    context.put("providerState", stateValues);
    return forStub.generatedResponse(context, GeneratorTestMode.Consumer);
  }

  /** The answer on the wire: headers joined, a content type for the body, loopback URLs moved. */
  Answer toAnswer(IResponse generated, URI base) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> h : generated.getHeaders().entrySet()) {
      headers.put(h.getKey(), toStub(String.join(", ", h.getValue()), base));
    }
    OptionalBody body = generated.getBody();
    Reply reply = Reply.of(generated.getStatus());
    if (!body.isPresent()) {
      return Answer.of(reply.withHeaders(headers));
    }
    ContentType type = body.getContentType();
    if (headers.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("Content-Type"))
        && type != null
        && !type.equals(ContentType.getUNKNOWN())) {
      headers.put("Content-Type", type.toString());
    }
    byte[] bytes = body.orEmpty();
    if (type != null && type.isBinaryType()) {
      String text = "(" + bytes.length + " bytes of " + type + ")";
      return new Answer(reply.withHeaders(headers).withBody(text), bytes);
    }
    Charset charset =
        type == null || type.asCharset() == null ? StandardCharsets.UTF_8 : type.asCharset();
    String text = toStub(new String(bytes, charset), base);
    return new Answer(reply.withHeaders(headers).withBody(text), text.getBytes(charset));
  }

  private String toStub(String text, URI base) {
    if (!loopbackToStub || text.isEmpty()) {
      return text;
    }
    return LOOPBACK_ORIGIN.matcher(text).replaceAll(Matcher.quoteReplacement(base.toString()));
  }
}
