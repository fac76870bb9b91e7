package dev.interlock.mocks.internal;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * WireMock's view of a request as the engines' own {@link HttpCall}: the one place that reads
 * WireMock's request, for the sandbox and the pact stub alike.
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
}
