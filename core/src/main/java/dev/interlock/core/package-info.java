/**
 * The contract model every module shares: loading contracts safely ({@link
 * dev.interlock.core.ContractLoader}), diagnostics with their locations, JSON pointers. Core knows
 * no mock server, no check, no screen and no report format; every other module may depend on it.
 */
package dev.interlock.core;
