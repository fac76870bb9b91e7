/**
 * Judging a sandbox from outside: {@link dev.interlock.verifiers.conformance.SampleRequests} builds
 * a request the contract calls valid for each operation and sends it, {@link
 * dev.interlock.verifiers.conformance.ResponseConformance} checks the answer against the contract.
 * Used by {@code sandbox.conforms-to-spec}; reads the sandbox only through its public face ({@link
 * dev.interlock.mocks.SandboxContract}), never {@code mocks.internal}.
 */
package dev.interlock.verifiers.conformance;
