package dev.interlock.diff;

import dev.interlock.diff.Change.Level;

/** A rule of the diff engine: its stable id, the level of the changes it reports, what it means. */
public record Rule(String id, Level level, String description) {}
