package dev.interlock.broker;

/** A pacticipant (consumer or provider) and one of its versions. */
public record PacticipantVersion(String pacticipant, String version) {}
