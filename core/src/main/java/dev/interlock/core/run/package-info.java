/**
 * The immutable model of one {@code interlock verify} run: check results with typed facts,
 * evidence, contracts used, coverage, seed and timings. The verifiers produce it; report writers
 * read nothing else.
 */
package dev.interlock.core.run;
