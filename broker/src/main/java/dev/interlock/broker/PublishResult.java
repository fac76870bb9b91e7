package dev.interlock.broker;

import java.util.List;

/**
 * What the broker said about one publication.
 *
 * @param consumer the pacticipant it recorded
 * @param consumerVersion the version it recorded
 * @param logs the broker's log lines for the publication (created, updated, conflicts)
 * @param contracts where the published pacts are
 */
public record PublishResult(
    String consumer, String consumerVersion, List<String> logs, List<String> contracts) {}
