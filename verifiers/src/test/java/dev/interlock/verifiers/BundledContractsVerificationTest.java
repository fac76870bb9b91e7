package dev.interlock.verifiers;

/**
 * The Surefire face of the engine: every check of a run over the bundled contracts, one dynamic
 * test per case, through the same test factory and extension {@code interlock verify} uses. The
 * contracts folder and seed are configuration parameters (junit-platform.properties).
 */
class BundledContractsVerificationTest extends VerificationTests {}
