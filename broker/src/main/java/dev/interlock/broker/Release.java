package dev.interlock.broker;

/**
 * A release to record: a version of a pacticipant (a mobile app, a library) was released to an
 * environment, where several versions may be in use at once, unlike a deployment, which replaces
 * the one before it.
 */
public record Release(String pacticipant, String version, String environment) {}
