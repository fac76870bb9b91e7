/**
 * The checks of one HTTP pact interaction against an OpenAPI operation, one class per concern:
 * finding the operation ({@link dev.interlock.compat.internal.http.HttpInteractionCheck}),
 * security, parameters, content negotiation, request body, response status, headers and body. They
 * share one {@link dev.interlock.compat.internal.http.Exchange}: the interaction, where its parts
 * are, and the mismatches found so far.
 */
package dev.interlock.compat.internal.http;
