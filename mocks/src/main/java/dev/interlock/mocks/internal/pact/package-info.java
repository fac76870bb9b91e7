/**
 * A pact served as a stub ({@link dev.interlock.mocks.PactStub}): the pacts' HTTP interactions read
 * by Pact JVM ({@link dev.interlock.mocks.internal.pact.PactFiles}), each request matched against
 * them with Pact JVM's own request matching, provider-state placeholders turned into wildcards
 * ({@link dev.interlock.mocks.internal.pact.StatePlaceholders}), one interaction chosen ({@link
 * dev.interlock.mocks.internal.pact.InteractionMatcher}), its response rendered with the generators
 * a stub applies ({@link dev.interlock.mocks.internal.pact.ResponseRenderer}), and every request
 * nothing matched answered with why ({@link dev.interlock.mocks.internal.pact.MismatchReport}).
 */
package dev.interlock.mocks.internal.pact;
