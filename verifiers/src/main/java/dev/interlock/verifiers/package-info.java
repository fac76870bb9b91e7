/**
 * The one entry of a verification, {@link dev.interlock.verifiers.Verification#run}: load, plan,
 * run every selected check as a JUnit 5 dynamic test, assemble the run model. Only the CLI (and a
 * build's own tests) depend on this module.
 */
package dev.interlock.verifiers;
