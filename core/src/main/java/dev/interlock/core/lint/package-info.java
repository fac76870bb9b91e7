/** Lint of contracts: the rules engine, its rule catalogue and severities from the manifest. */
package dev.interlock.core.lint;
