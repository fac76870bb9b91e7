/**
 * Interlock's JUnit 5 extension, for a team's own tests: {@link
 * dev.interlock.junit5.InterlockSandbox @InterlockSandbox} on a test class starts the sandboxes of
 * a contracts folder once per class; test parameters receive a {@link dev.interlock.junit5.Sandbox}
 * handle, its base {@link java.net.URI} or a generated adapter pointed at it; {@link
 * dev.interlock.junit5.Scenario @Scenario} switches a test's scenario; with {@link
 * dev.interlock.junit5.Time#VIRTUAL} the sandboxes run on a {@link
 * dev.interlock.junit5.SandboxClock} the test advances instead of sleeping; {@link
 * dev.interlock.junit5.InterlockAssertions} asserts on what a sandbox received, as WireMock's
 * {@code verify} does. Everything else lives in {@code .internal}.
 */
package dev.interlock.junit5;
