package dev.interlock.broker;

import java.util.Optional;

/**
 * A deployment to record: a version of a pacticipant now runs in an environment.
 *
 * @param applicationInstance which instance, when several run side by side in one environment
 *     (customer-1, blue)
 */
public record Deployment(
    String pacticipant, String version, String environment, Optional<String> applicationInstance) {}
