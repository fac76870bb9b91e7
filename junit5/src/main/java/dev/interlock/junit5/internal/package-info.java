/**
 * How the extension works: the contracts folder, the per-class set of running sandboxes in JUnit's
 * extension store, parameter resolution and generated adapters. Not API: may change at any time.
 */
package dev.interlock.junit5.internal;
