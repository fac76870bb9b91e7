package dev.interlock.diff.internal;

import java.util.Locale;

/**
 * One operation of a document: its method, its path template (or webhook name), the path item it is
 * in and the operation object.
 */
record Op(String method, String path, Node pathItem, Node operation) {

  String signature() {
    return method.toUpperCase(Locale.ROOT) + " " + path;
  }
}
