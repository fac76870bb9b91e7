package dev.interlock.broker;

import java.util.List;
import java.util.Optional;

/**
 * One consumer version's pacts, as the broker's {@code pb:publish-contracts} endpoint takes them.
 *
 * @param consumerVersion the consumer application's version (a git sha, usually)
 * @param branch the consumer's branch; the broker's {@code mainBranch}/{@code matchingBranch}
 *     selectors need it
 * @param tags tags for the version (older brokers' way to say branch or environment)
 * @param buildUrl the CI build that published, shown by the broker
 * @param pacts the pacts, all of one consumer
 */
public record PublishRequest(
    String consumerVersion,
    String branch,
    List<String> tags,
    Optional<String> buildUrl,
    List<PactFile> pacts) {

  public PublishRequest {
    tags = List.copyOf(tags);
    pacts = List.copyOf(pacts);
    if (pacts.isEmpty()) {
      throw new IllegalArgumentException("nothing to publish");
    }
    String consumer = pacts.get(0).consumer();
    for (PactFile p : pacts) {
      if (!p.consumer().equals(consumer)) {
        throw new IllegalArgumentException(
            "one request publishes one consumer's pacts: "
                + p.file()
                + " is of '"
                + p.consumer()
                + "', not '"
                + consumer
                + "'");
      }
    }
  }

  public String consumer() {
    return pacts.get(0).consumer();
  }
}
