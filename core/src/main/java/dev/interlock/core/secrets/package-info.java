/**
 * Credential references ({@code env:NAME}, {@code file:PATH}): the one rule by which the manifest's
 * vendor credentials, its broker block and the broker flags name a secret without holding it.
 */
package dev.interlock.core.secrets;
