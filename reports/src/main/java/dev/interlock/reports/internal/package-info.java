/**
 * What the writers share: a view of the run (groupings, display paths, links), text escaping,
 * timelines.
 */
package dev.interlock.reports.internal;
