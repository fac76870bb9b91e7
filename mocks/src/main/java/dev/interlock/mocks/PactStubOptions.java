package dev.interlock.mocks;

/**
 * How a {@link PactStub} listens and answers.
 *
 * @param host the address to bind; loopback unless told otherwise
 * @param port the port, 0 for a free one
 * @param providerStateHeader the request header naming the provider state whose interaction should
 *     answer when several match ({@code X-Pact-Provider-State}, as pact-stub-server)
 * @param cors whether to answer CORS preflight requests and add {@code Access-Control-Allow-*}
 *     headers to every answer (pact-stub-server's {@code --cors})
 * @param seed the seed of every random value a pact's generators ask for (RandomString, Uuid...)
 * @param journalCapacity how many exchanges the journal keeps, oldest dropped first
 * @param loopbackUrlsToStub whether absolute URLs on a loopback host ({@code
 *     http://localhost:1234/}) in the responses are rewritten to the stub's own base URL: a pact
 *     records the links its consumer test's mock server handed out, and a client that follows them
 *     must land on the stub
 */
public record PactStubOptions(
    String host,
    int port,
    String providerStateHeader,
    boolean cors,
    long seed,
    int journalCapacity,
    boolean loopbackUrlsToStub) {

  public static final String DEFAULT_PROVIDER_STATE_HEADER = "X-Pact-Provider-State";

  public PactStubOptions {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, was " + port);
    }
    if (providerStateHeader == null || providerStateHeader.isBlank()) {
      throw new IllegalArgumentException("providerStateHeader must not be blank");
    }
    if (journalCapacity < 1) {
      throw new IllegalArgumentException(
          "journalCapacity must be positive, was " + journalCapacity);
    }
  }

  /** Loopback, a free port, {@code X-Pact-Provider-State}, no CORS, seed 42, 1000 exchanges. */
  public static PactStubOptions defaults() {
    return new PactStubOptions(
        "127.0.0.1", 0, DEFAULT_PROVIDER_STATE_HEADER, false, 42L, 1000, true);
  }

  public PactStubOptions withHost(String h) {
    return new PactStubOptions(
        h, port, providerStateHeader, cors, seed, journalCapacity, loopbackUrlsToStub);
  }

  public PactStubOptions withPort(int p) {
    return new PactStubOptions(
        host, p, providerStateHeader, cors, seed, journalCapacity, loopbackUrlsToStub);
  }

  public PactStubOptions withProviderStateHeader(String name) {
    return new PactStubOptions(host, port, name, cors, seed, journalCapacity, loopbackUrlsToStub);
  }

  public PactStubOptions withCors(boolean on) {
    return new PactStubOptions(
        host, port, providerStateHeader, on, seed, journalCapacity, loopbackUrlsToStub);
  }

  public PactStubOptions withSeed(long s) {
    return new PactStubOptions(
        host, port, providerStateHeader, cors, s, journalCapacity, loopbackUrlsToStub);
  }

  public PactStubOptions withJournalCapacity(int capacity) {
    return new PactStubOptions(
        host, port, providerStateHeader, cors, seed, capacity, loopbackUrlsToStub);
  }

  public PactStubOptions withLoopbackUrlsToStub(boolean on) {
    return new PactStubOptions(host, port, providerStateHeader, cors, seed, journalCapacity, on);
  }
}
