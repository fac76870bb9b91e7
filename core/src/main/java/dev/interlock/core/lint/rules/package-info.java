/** The lint rules, one class per rule, each yielding located diagnostics. */
package dev.interlock.core.lint.rules;
