package dev.interlock.diff;

import dev.interlock.core.contract.AsyncApiContract;
import dev.interlock.diff.internal.AsyncApiComparator;

/**
 * Breaking-change detection between two versions of an AsyncAPI 2.6/3.x contract: channels,
 * operations, messages and their payloads ({@code asyncapi.*} rules in {@link RuleCatalog}). A
 * payload binds producers and consumers alike: a required field removed breaks consumers, a new
 * required field breaks producers; both are breaking.
 */
public final class AsyncApiDiff {

  private AsyncApiDiff() {}

  public static DiffReport compare(AsyncApiContract oldContract, AsyncApiContract newContract) {
    return DiffReport.of(new AsyncApiComparator().compare(oldContract, newContract));
  }
}
