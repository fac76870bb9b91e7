package dev.interlock.bench.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.matching.UrlPattern;

/**
 * The baseline of the sandbox benches: raw WireMock answering one GET and one POST with static
 * stubs of what the sandbox answered, so both send the same bytes.
 */
final class RawWireMock {

  /** A recorded answer. */
  record Answer(int status, String contentType, String body) {}

  private RawWireMock() {}

  static WireMockServer serving(
      String host, UrlPattern getUrl, Answer getAnswer, UrlPattern postUrl, Answer postAnswer) {
    WireMockServer raw =
        new WireMockServer(
            WireMockConfiguration.options()
                .bindAddress(host)
                .dynamicPort()
                .notifier(new Silent())
                // the strongest baseline, configured as the sandbox is: the journal off (the
                // sandbox keeps its own, bounded; unbounded it grows without end, and bounded
                // WireMock trims it with a scan of the whole journal on every request), and no
                // per-request log line (rendered even when the notifier drops it)
                .disableRequestJournal()
                .stubRequestLoggingDisabled(true));
    raw.start();
    raw.stubFor(get(getUrl).willReturn(stub(getAnswer)));
    raw.stubFor(post(postUrl).willReturn(stub(postAnswer)));
    return raw;
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder stub(Answer a) {
    return aResponse()
        .withStatus(a.status())
        .withHeader("Content-Type", a.contentType())
        .withBody(a.body());
  }

  /** Keeps the baseline WireMock as quiet as the sandbox keeps its own: no console output. */
  private static final class Silent implements Notifier {
    @Override
    public void info(String message) {}

    @Override
    public void error(String message) {}

    @Override
    public void error(String message, Throwable t) {}
  }
}
