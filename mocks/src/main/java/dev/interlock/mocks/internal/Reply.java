package dev.interlock.mocks.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the engine answers: status, headers, body, and optionally a delay or a connection reset. */
public final class Reply {

  public int status;
  public final Map<String, String> headers = new LinkedHashMap<>();
  public String body = "";
  public long delayMillis;
  public boolean reset;
  public String operationId;
  public String version;

  public Reply(int status) {
    this.status = status;
  }

  public Reply header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public Reply copy() {
    Reply r = new Reply(status);
    r.headers.putAll(headers);
    r.body = body;
    r.delayMillis = delayMillis;
    r.reset = reset;
    r.operationId = operationId;
    r.version = version;
    return r;
  }

  public static Reply reset() {
    Reply r = new Reply(0);
    r.reset = true;
    return r;
  }
}
