/**
 * {@code interlock-maven-plugin}: Interlock's goals in a team's own build. {@code generate} runs
 * codegen in-process; {@code lint}, {@code verify}, {@code diff} and {@code sandbox-start/stop} run
 * the engine ({@code interlock-cli}), resolved at run time into an isolated class loader (see
 * {@link dev.interlock.maven.internal.EngineResolver} for why).
 */
package dev.interlock.maven;
