package dev.interlock.mocks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interlock.core.ContractLoader;
import dev.interlock.core.LoadOptions;
import dev.interlock.core.LoadResult;
import dev.interlock.core.contract.OpenApiContract;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Contracts and calls for the unit tests of the engine's steps. */
final class Steps {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String ORDER =
      "{\"currency\":\"EUR\",\"items\":[{\"sku\":\"TEA-1\",\"quantity\":2}]}";

  private Steps() {}

  /** The shop fixture: orders with an idempotency key, a rate limit, an API key, problems. */
  static ContractVersion shop() {
    return version("openapi/3.0/shop.yaml");
  }

  static ContractVersion version(String resource) {
    Path file;
    try {
      file = Paths.get(Steps.class.getResource("/" + resource).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    LoadResult result =
        new ContractLoader(LoadOptions.forRoot(file.getParent().getParent())).load(file);
    assertThat(result.hasErrors()).isFalse();
    return new ContractVersion((OpenApiContract) result.contract().orElseThrow());
  }

  /** A call; {@code headers} alternate name and value. */
  static HttpCall call(String method, String url, String body, String... headers) {
    Map<String, List<String>> h = new LinkedHashMap<>();
    for (int i = 0; i < headers.length; i += 2) {
      h.computeIfAbsent(headers[i], k -> new ArrayList<>()).add(headers[i + 1]);
    }
    return HttpCall.of(method, url, h, body, "127.0.0.1");
  }

  /** The routed exchange of a call, its body read as the engine reads it. */
  static Exchange exchange(ContractVersion v, HttpCall call, String credential) {
    Router.Match match = new Router(List.of(v)).route(call.method(), call.path()).matches().get(0);
    JsonNode body =
        call.body().isEmpty() ? null : new RequestBodyReader().read(match.operation(), call);
    return new Exchange(call, match, body, credential);
  }

  static OperationModel operation(ContractVersion v, String id) {
    return v.operations().stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  static Replies replies() {
    return new Replies(new Responder(7));
  }

  static Problems problems() {
    return new Problems(replies(), false);
  }
}
