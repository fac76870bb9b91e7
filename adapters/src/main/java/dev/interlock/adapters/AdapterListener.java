package dev.interlock.adapters;

/** Receives every {@link AdapterEvent}, on the thread that made the call. */
@FunctionalInterface
public interface AdapterListener {
  void on(AdapterEvent event);
}
