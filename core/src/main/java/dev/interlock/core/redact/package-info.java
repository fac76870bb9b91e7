/**
 * Redaction of secrets (credentials, API keys, card numbers) from text, JSON, HTTP and whole runs;
 * the reports module redacts a run once, here, before any writer sees it.
 */
package dev.interlock.core.redact;
