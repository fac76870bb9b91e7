/**
 * The contracts folder's manifest ({@code interlock.yaml}): vendors and their versions, event
 * systems, adapters, scenarios; and which vendor or event system owns a contract file.
 */
package dev.interlock.core.manifest;
