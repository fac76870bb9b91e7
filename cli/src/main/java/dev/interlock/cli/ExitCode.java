package dev.interlock.cli;

/** The exit codes users and CI rely on (DESIGN.md, "Behaviour that users rely on"). */
public final class ExitCode {
  /** Everything checked passed. */
  public static final int OK = 0;

  /** A check or lint rule failed. */
  public static final int FAILED = 1;

  /** The input could not be used: a bad contract, flag or path. */
  public static final int UNUSABLE_INPUT = 2;

  /** Interlock itself failed; a bug to report. */
  public static final int INTERNAL_ERROR = 3;

  private ExitCode() {}
}
