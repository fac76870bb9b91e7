/**
 * How the plugin reaches the engine: resolving {@code interlock-cli} through Maven's resolver, the
 * isolated class loader it runs in, Maven's log as its console, and the sandboxes kept between
 * {@code sandbox-start} and {@code sandbox-stop}.
 */
package dev.interlock.maven.internal;
