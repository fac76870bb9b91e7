package dev.interlock.mocks.internal;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import java.util.EnumSet;
import java.util.Optional;
import wiremock.jakarta.servlet.DispatcherType;
import wiremock.org.eclipse.jetty.servlet.FilterHolder;
import wiremock.org.eclipse.jetty.servlet.ServletContextHandler;

/**
 * WireMock's Jetty server without WireMock's own admin API on the network: every path, {@code
 * /__admin/...} included, reaches the sandbox. The sandbox drives WireMock in-process, so the admin
 * API is never needed over HTTP; left mounted, it would answer a contract's own {@code /__admin}
 * paths (WireMock's admin API, described as a contract, is one) and let anyone who reaches the port
 * reset the sandbox's stubs. Requests WireMock cannot take in reach the engine through {@link
 * UnsplittableMultipartFilter}.
 */
public final class ContractOnlyServerFactory implements HttpServerFactory {

  /** A connector name no connector has: a context bound to it never matches a request. */
  private static final String NO_CONNECTOR = "@interlock-admin-unreachable";

  private final Optional<Engine> engine;

  /** For a sandbox: requests WireMock cannot take in are answered by its engine. */
  public ContractOnlyServerFactory(Engine engine) {
    this.engine = Optional.of(engine);
  }

  /** For a server with no sandbox engine behind it (the pact stub): WireMock answers those. */
  public ContractOnlyServerFactory() {
    this.engine = Optional.empty();
  }

  @Override
  public String getName() {
    return "interlock-contract-only";
  }

  @Override
  public HttpServer buildHttpServer(
      Options options, AdminRequestHandler admin, StubRequestHandler stubs) {
    return new Jetty11HttpServer(options, admin, stubs) {
      @Override
      protected void decorateAdminServiceContextAfterConfig(ServletContextHandler context) {
        context.setVirtualHosts(new String[] {NO_CONNECTOR});
      }

      @Override
      protected void decorateMockServiceContextAfterConfig(ServletContextHandler context) {
        engine.ifPresent(
            e ->
                context.addFilter(
                    new FilterHolder(new UnsplittableMultipartFilter(e)),
                    "/*",
                    EnumSet.of(DispatcherType.REQUEST)));
      }
    };
  }
}
