package dev.interlock.junit5;

import dev.interlock.mocks.Ledger;
import java.net.URI;
import java.util.List;

/**
 * One running vendor sandbox, as a test sees it. Receive it as a test, lifecycle or constructor
 * parameter of a class annotated with {@link InterlockSandbox} (with {@link Vendor} when the class
 * starts several).
 */
public interface Sandbox {

  /** The vendor id, as in the manifest. */
  String vendor();

  /** {@code http://127.0.0.1:PORT}: the contract's paths go after it. */
  URI baseUri();

  /** The versions served ({@code info.version} of each contract). */
  List<String> versions();

  /** The name of the scenario in force. */
  String scenario();

  /**
   * Switches to a scenario (with the manifest's settings for it) until the end of the current test;
   * the next test starts with the class's scenario again.
   *
   * @throws IllegalArgumentException when no scenario has that name
   */
  void scenario(String name);

  /** What the sandbox received and answered since the test began (or the last {@link #reset}). */
  Journal journal();

  /** The side effects held: resources created per collection ({@code charges}, ...). */
  Ledger ledger();

  /** Forgets state, ledger, idempotency keys, rate limits and journal now; keeps the scenario. */
  void reset();

  /**
   * The virtual clock the class's sandboxes share.
   *
   * @throws IllegalStateException when the class runs on real time, saying to set {@code time =
   *     Time.VIRTUAL}
   */
  SandboxClock clock();

  /**
   * The sandbox engine itself, for what this handle does not offer (seeding resources, webhooks,
   * access tokens).
   */
  dev.interlock.mocks.Sandbox engine();
}
