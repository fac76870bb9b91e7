package dev.interlock.mocks.internal;

import com.github.tomakehurst.wiremock.common.Notifier;

/** Keeps WireMock quiet: the sandbox reports through its journal, not the console. */
public final class SilentNotifier implements Notifier {

  @Override
  public void info(String message) {}

  @Override
  public void error(String message) {}

  @Override
  public void error(String message, Throwable t) {}
}
