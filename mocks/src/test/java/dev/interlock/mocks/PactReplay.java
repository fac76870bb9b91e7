package dev.interlock.mocks;

import au.com.dius.pact.core.matchers.Mismatch;
import au.com.dius.pact.core.matchers.ResponseMatching;
import au.com.dius.pact.core.model.ContentType;
import au.com.dius.pact.core.model.HeaderParser;
import au.com.dius.pact.core.model.IRequest;
import au.com.dius.pact.core.model.IResponse;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.core.model.Response;
import au.com.dius.pact.core.model.SynchronousRequestResponse;
import au.com.dius.pact.core.model.generators.Category;
import au.com.dius.pact.core.model.generators.Generator;
import au.com.dius.pact.core.model.generators.GeneratorTestMode;
import au.com.dius.pact.core.model.generators.ProviderStateGenerator;
import au.com.dius.pact.core.support.json.JsonValue;
import dev.interlock.mocks.internal.pact.RegexDialect;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replays a pact interaction's request against a stub, as a provider would receive it (its
 * provider-state placeholders filled, the provider-state header set), and compares the answer with
 * the interaction's response by Pact JVM's own response matching.
 */
final class PactReplay {

  /** Headers Java's HTTP client sets itself and refuses to take from a caller. */
  private static final Set<String> RESTRICTED =
      Set.of("host", "connection", "content-length", "expect", "upgrade");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private PactReplay() {}

  /** The value each placeholder takes in a replay: the state's parameter, else a made-up one. */
  static Map<String, Object> placeholderValues(Interaction interaction, IRequest request) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map<String, Generator> category : request.getGenerators().getCategories().values()) {
      for (Generator g : category.values()) {
        if (g instanceof ProviderStateGenerator s) {
          Matcher m = PLACEHOLDER.matcher(s.getExpression());
          while (m.find()) {
            values.put(m.group(1).trim(), "Replayed" + m.group(1).trim().replaceAll("\\W", ""));
          }
        }
      }
    }
    for (ProviderState s : interaction.getProviderStates()) {
      if (s.getParams() != null) {
        s.getParams().forEach((k, v) -> values.put(k, v));
      }
    }
    return values;
  }

  /** The request a provider would receive for this interaction. */
  static IRequest providerRequest(Interaction interaction) {
    IRequest request = interaction.asSynchronousRequestResponse().getRequest();
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("providerState", placeholderValues(interaction, request));
    return request.generatedRequest(context, GeneratorTestMode.Provider);
  }

  /** Sends the request, with the provider-state header naming the interaction's first state. */
  static HttpResponse<byte[]> send(URI base, Interaction interaction, String stateHeader)
      throws IOException, InterruptedException {
    IRequest request = providerRequest(interaction);
    StringBuilder url = new StringBuilder(base.toString()).append(request.getPath());
    List<String> pairs = new ArrayList<>();
    request
        .getQuery()
        .forEach(
            (k, vs) -> {
              for (String v : vs) {
                pairs.add(encode(k) + "=" + encode(v == null ? "" : v));
              }
            });
    if (!pairs.isEmpty()) {
      url.append('?').append(String.join("&", pairs));
    }
    HttpRequest.BodyPublisher body =
        request.getBody().isPresent()
            ? HttpRequest.BodyPublishers.ofByteArray(request.getBody().orEmpty())
            : HttpRequest.BodyPublishers.noBody();
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url.toString())).method(request.getMethod(), body);
    request
        .getHeaders()
        .forEach(
            (k, vs) -> {
              if (!RESTRICTED.contains(k.toLowerCase())) {
                b.header(k, String.join(", ", vs));
              }
            });
    if (request.getBody().isPresent() && !request.hasHeader("Content-Type")) {
      ContentType type = request.getBody().getContentType();
      if (type != null && !type.equals(ContentType.getUNKNOWN())) {
        b.header("Content-Type", type.toString());
      }
    }
    List<ProviderState> states = interaction.getProviderStates();
    if (!states.isEmpty()) {
      b.header(stateHeader, states.get(0).getName());
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** How the answer departs from the interaction's response, by Pact's response matching. */
  static List<String> mismatches(SynchronousRequestResponse interaction, HttpResponse<byte[]> got) {
    // split as Pact JVM splits the pact's header values, to compare value by value
    Map<String, List<String>> headers = new LinkedHashMap<>();
    got.headers()
        .map()
        .forEach(
            (k, vs) -> {
              List<String> split = new ArrayList<>();
              vs.forEach(
                  v ->
                      split.addAll(
                          HeaderParser.INSTANCE.fromJson(k, new JsonValue.StringValue(v))));
              headers.put(k, split);
            });
    String type = got.headers().firstValue("Content-Type").orElse(null);
    OptionalBody body =
        got.body().length == 0
            ? OptionalBody.missing()
            : OptionalBody.body(
                got.body(), type == null ? ContentType.getUNKNOWN() : ContentType.fromString(type));
    Response actual = new Response(got.statusCode(), headers, body);
    List<String> out = new ArrayList<>();
    IResponse expected = interaction.getResponse().copyResponse();
    // Pact JVM cannot compile some regexes of Ruby-written pacts; compare in Java's dialect
    RegexDialect.normalize(expected.getMatchingRules());
    for (Mismatch m : ResponseMatching.responseMismatches(expected, actual)) {
      out.add(m.type() + ": " + m.description());
    }
    return out;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Whether a request has placeholders a provider fills in. */
  static boolean hasStatePlaceholders(IRequest request) {
    return request.getGenerators().getCategories().entrySet().stream()
        .filter(e -> e.getKey() != Category.METADATA)
        .flatMap(e -> e.getValue().values().stream())
        .anyMatch(ProviderStateGenerator.class::isInstance);
  }
}
