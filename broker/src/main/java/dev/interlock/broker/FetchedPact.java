package dev.interlock.broker;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * One pact the broker gave for verification.
 *
 * @param consumer the consumer's name
 * @param provider the provider's name
 * @param description the broker's name for it ("Pact between Foo (1.0.0) and Bar")
 * @param self where the pact is
 * @param publishResults where its verification result goes ({@code
 *     pb:publish-verification-results})
 * @param pending its failures are reported and do not fail the run: no provider version of this
 *     branch has verified it yet
 * @param wip a work-in-progress pact: no selector picked it, it is included because it is new and
 *     pending; failures do not fail the run either
 * @param notices the broker's notices before verification (why it is included, why pending)
 * @param content the pact document, without the broker's {@code _links}
 */
public record FetchedPact(
    String consumer,
    String provider,
    String description,
    URI self,
    Optional<URI> publishResults,
    boolean pending,
    boolean wip,
    List<String> notices,
    JsonNode content) {

  public FetchedPact {
    notices = List.copyOf(notices);
  }

  /** Whether a failure of this pact leaves the run's exit code alone. */
  public boolean failuresAreInformational() {
    return pending || wip;
  }
}
