/**
 * The checks, each with a stable id: contracts linted, pacts against contracts and sandboxes,
 * sandboxes against contracts, adapters under fault scenarios, versions against their base and
 * their consumers. Checks judge; the sandboxes they start only serve.
 */
package dev.interlock.verifiers.checks;
