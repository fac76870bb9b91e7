/**
 * A Pact Broker (or PactFlow) client over the broker's HAL API: publish pacts, fetch the pacts a
 * provider must verify (consumer version selectors, pending and WIP pacts), publish one
 * verification result per pact, ask can-i-deploy and record deployments.
 *
 * <p>Every request starts at the broker's index and follows relations by name ({@code
 * pb:publish-contracts}, {@code pb:provider-pacts-for-verification}, …); the only paths built here
 * are the index {@code /} and the broker's documented {@code /matrix} resource, which its own
 * client queries directly. Credentials come from {@code env:}/{@code file:} references and never
 * reach a message: every text this package produces goes through the project's {@link
 * dev.interlock.core.redact.Redactor} with the credentials as known secrets.
 */
package dev.interlock.broker;
