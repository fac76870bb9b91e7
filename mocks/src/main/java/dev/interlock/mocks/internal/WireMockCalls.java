package dev.interlock.mocks.internal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Request;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * WireMock's view of a request as the engines' own {@link HttpCall}, and an engine's {@link Reply}
 * as WireMock's response: the one place that reads WireMock's request and writes its response, for
 * the sandbox and the pact stub alike.
 */
public final class WireMockCalls {

  private WireMockCalls() {}

  public static HttpCall of(Request request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (HttpHeader h : request.getHeaders().all()) {
      headers.put(h.key(), new ArrayList<>(h.values()));
    }
    return HttpCall.of(
        request.getMethod().getName(),
        request.getUrl(),
        headers,
        request.getBodyAsString(),
        request.getClientIp());
  }

  /** The reply's status, headers and text body; the caller adds what only it knows. */
  public static ResponseDefinitionBuilder response(Reply reply) {
    List<HttpHeader> headers = new ArrayList<>();
    reply.headers().forEach((k, v) -> headers.add(new HttpHeader(k, v)));
    ResponseDefinitionBuilder b =
        ResponseDefinitionBuilder.responseDefinition()
            .withStatus(reply.status())
            .withHeaders(new HttpHeaders(headers));
    if (reply.body() != null && !reply.body().isEmpty()) {
      b.withBody(reply.body());
    }
    return b;
  }
}
