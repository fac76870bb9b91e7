/**
 * The loaded contracts: OpenAPI, AsyncAPI and Pact documents as typed, immutable views, with the
 * contract extensions Interlock understands.
 */
package dev.interlock.core.contract;
