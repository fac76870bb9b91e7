package dev.interlock.adapters.ordersync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link SandboxLauncher} for sandboxes that are already running: started by {@code interlock
 * sandbox}, or by a test that needs them to outlive the order-sync process it kills. It starts and
 * stops nothing, and reads each ledger from the sandbox's admin API ({@code GET
 * /__interlock/ledger}, the resources each collection holds: at most the sandbox's state capacity).
 *
 * <p>These sandboxes keep their own clock, scenario and credentials: the run waits for them in real
 * time ({@link #followsRunClock()}), and they must accept the credentials the run presents (a
 * sandbox started without keys accepts any).
 */
public final class RunningSandboxes implements SandboxLauncher {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, String> baseUrls;
  private final String adminToken;

  private RunningSandboxes(Map<String, String> baseUrls, String adminToken) {
    this.baseUrls = baseUrls;
    this.adminToken = adminToken;
  }

  /**
   * @param baseUrls vendor id → the sandbox's base URL ({@code http://127.0.0.1:54321})
   */
  public static RunningSandboxes of(Map<String, String> baseUrls) {
    return of(baseUrls, null);
  }

  /**
   * @param adminToken the bearer token the sandboxes' admin API wants (they were started with
   *     {@code --admin-token}), or null
   */
  public static RunningSandboxes of(Map<String, String> baseUrls, String adminToken) {
    Map<String, String> urls = new LinkedHashMap<>();
    baseUrls.forEach(
        (vendor, url) -> {
          URI uri;
          try {
            uri = new URI(url);
          } catch (URISyntaxException e) {
            uri = null;
          }
          boolean http =
              uri != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
          if (!http || uri.getHost() == null) {
            throw new IllegalArgumentException(
                "the sandbox of " + vendor + " is not an http(s) URL: '" + url + "'");
          }
          urls.put(vendor, url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        });
    return new RunningSandboxes(
        Map.copyOf(urls), adminToken == null || adminToken.isBlank() ? null : adminToken);
  }

  @Override
  public boolean followsRunClock() {
    return false;
  }

  @Override
  public Sandboxes start(Request request) {
    List<String> missing = new ArrayList<>(request.vendors().keySet());
    missing.removeAll(baseUrls.keySet());
    List<String> unused = new ArrayList<>(new TreeMap<>(baseUrls).keySet());
    unused.removeAll(request.vendors().keySet());
    if (!missing.isEmpty() || !unused.isEmpty()) {
      throw new IllegalArgumentException(
          "give a running sandbox for each vendor the run calls ("
              + String.join(", ", request.vendors().keySet())
              + "), and for no other"
              + (missing.isEmpty() ? "" : "; missing: " + String.join(", ", missing))
              + (unused.isEmpty() ? "" : "; not called: " + String.join(", ", unused)));
    }
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    return new Sandboxes() {
      @Override
      public String baseUrl(String vendor) {
        return baseUrls.get(vendor);
      }

      @Override
      public Map<String, Integer> ledger(String vendor) {
        return readLedger(http, vendor, baseUrls.get(vendor), adminToken);
      }

      @Override
      public void close() {
        // not ours to stop
      }
    };
  }

  private static Map<String, Integer> readLedger(
      HttpClient http, String vendor, String base, String adminToken) {
    URI uri = URI.create(base + "/__interlock/ledger");
    try {
      HttpRequest.Builder get = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
      if (adminToken != null) {
        get.header("Authorization", "Bearer " + adminToken);
      }
      HttpResponse<String> r = http.send(get.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(
            "cannot read the ledger of "
                + vendor
                + " from "
                + uri
                + ": HTTP "
                + r.statusCode()
                + (r.statusCode() == 401
                    ? adminToken == null
                        ? " (the sandbox wants its admin token: --admin-token)"
                        : " (the sandbox refused the admin token)"
                    : ""));
      }
      Map<String, Integer> out = new TreeMap<>();
      JsonNode collections = JSON.readTree(r.body());
      collections.fields().forEachRemaining(f -> out.put(f.getKey(), f.getValue().size()));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the ledger of " + vendor + " from " + uri, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted reading the ledger of " + vendor, e);
    }
  }
}
