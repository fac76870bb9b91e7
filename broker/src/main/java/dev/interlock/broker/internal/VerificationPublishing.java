package dev.interlock.broker.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.broker.BrokerException;
import dev.interlock.broker.FetchedPact;
import dev.interlock.broker.ProviderVerification;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes one verification result to one pact's {@code pb:publish-verification-results} link,
 * with the provider version and branch, and returns the broker's notices for after verification
 * (the ones that match what was published).
 */
public final class VerificationPublishing {

  private static final ObjectMapper JSON = new ObjectMapper();

  private VerificationPublishing() {}

  public static List<String> publish(
      HalClient client, FetchedPact pact, ProviderVerification verification) {
    if (pact.publishResults().isEmpty()) {
      throw new BrokerException(
          pact.description()
              + ": the broker gave no 'pb:publish-verification-results' link for it; its result"
              + " cannot be published");
    }
    HalDocument answer = client.post(pact.publishResults().get(), body(verification));
    return List.copyOf(afterNotices(answer.body(), verification.success()));
  }

  static ObjectNode body(ProviderVerification v) {
    ObjectNode body = JSON.createObjectNode();
    body.put("success", v.success());
    body.put("providerApplicationVersion", v.providerVersion());
    body.put("providerVersionBranch", v.providerBranch());
    v.buildUrl().ifPresent(u -> body.put("buildUrl", u));
    ObjectNode by = body.putObject("verifiedBy");
    by.put("implementation", "Interlock");
    by.put("version", v.verifierVersion());
    return body;
  }

  private static List<String> afterNotices(JsonNode answer, boolean success) {
    List<String> out = new ArrayList<>();
    String expected = "after_verification:success_" + success + "_published_true";
    for (JsonNode notice : answer.path("notices")) {
      if (notice.path("when").asText().equals(expected)) {
        out.add(notice.path("text").asText());
      }
    }
    return out;
  }
}
