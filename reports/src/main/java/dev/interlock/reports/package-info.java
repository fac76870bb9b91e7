/**
 * Report writers over core's run model (JSON, JUnit XML, SARIF, Markdown, HTML, Allure), reached
 * through {@link dev.interlock.reports.Reports}, which redacts the run once before any writer sees
 * it. Depends on core only; the CLI depends on it.
 */
package dev.interlock.reports;
