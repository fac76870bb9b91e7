/**
 * The {@code interlock} command (picocli): verify, lint, diff, compat, sandbox, run, report. Exit
 * codes 0 pass, 1 a check failed, 2 unusable input, 3 internal error. Nothing depends on it.
 */
package dev.interlock.cli;
