/**
 * The start-up benchmark: how long {@code interlock sandbox} takes to give its first validated
 * answer, against {@code interlock lint} of the same file measured in the same run.
 */
package dev.interlock.bench.startup;
