/**
 * The order-sync reference integration on the sandboxes: the launcher that starts one mocks sandbox
 * per vendor for {@code interlock run order-sync} and {@code adapter.exactly-once}. It lives in
 * verifiers because adapters must never depend on the sandbox.
 */
package dev.interlock.verifiers.ordersync;
