package dev.interlock.mocks.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import wiremock.jakarta.servlet.Filter;
import wiremock.jakarta.servlet.FilterChain;
import wiremock.jakarta.servlet.ServletException;
import wiremock.jakarta.servlet.ServletRequest;
import wiremock.jakarta.servlet.ServletResponse;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletResponse;

/**
 * Hands the engine the requests WireMock itself cannot take in: a {@code multipart/*} request whose
 * Content-Type names no boundary. WireMock splits every multipart body into parts before any
 * extension runs, and on such a body fails with a 500 of its own; the engine answers it like any
 * other invalid request instead (a 400 in the contract's error shape saying what is wrong, see
 * {@link RequestBodyReader#unreadable}). Every other request passes through untouched. Such a reply
 * is sent at once: a scenario's delay or connection reset does not apply to it.
 */
final class UnsplittableMultipartFilter implements Filter {

  private final Engine engine;

  UnsplittableMultipartFilter(Engine engine) {
    this.engine = engine;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!(request instanceof HttpServletRequest http)
        || !(response instanceof HttpServletResponse out)
        || RequestBodies.unreadable(http.getContentType()) == null) {
      chain.doFilter(request, response);
      return;
    }
    Reply reply = engine.handle(call(http));
    out.setStatus(reply.status());
    reply.headers().forEach(out::setHeader);
    byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
    out.setContentLength(body.length);
    out.getOutputStream().write(body);
  }

  private static HttpCall call(HttpServletRequest http) throws IOException {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(http.getHeaderNames())) {
      headers.put(name, new ArrayList<>(Collections.list(http.getHeaders(name))));
    }
    String url =
        http.getRequestURI() + (http.getQueryString() == null ? "" : "?" + http.getQueryString());
    String body = new String(http.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return HttpCall.of(http.getMethod(), url, headers, body, http.getRemoteAddr());
  }
}
