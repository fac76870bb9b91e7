/**
 * What {@code interlock init} and {@code interlock new adapter} write: the inference of vendors,
 * versions and auth from a team's own spec files and pacts, the layout of a contracts folder, and
 * the adapter skeleton. Everything is rendered from the plain templates under {@code
 * dev/interlock/cli/scaffold/templates} ({@code ${name}} placeholders), never assembled in Java. No
 * printing here: the commands print the {@link dev.interlock.cli.scaffold.Choice}s made.
 */
package dev.interlock.cli.scaffold;
