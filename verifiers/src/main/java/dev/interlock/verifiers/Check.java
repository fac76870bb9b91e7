package dev.interlock.verifiers;

import java.util.List;

/**
 * One verification with a stable id (e.g. {@code pact.request-matches-spec}). A check plans its
 * cases up front (one per contract, interaction or scenario) so the engine can filter, shard and
 * show progress before anything runs; each case runs when its dynamic test executes.
 */
public interface Check {

  /** The stable id, documented in the README. */
  String id();

  /** One sentence: what a pass proves. */
  String description();

  List<CheckCase> plan(VerificationContext context);
}
