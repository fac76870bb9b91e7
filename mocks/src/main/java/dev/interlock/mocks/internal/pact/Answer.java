package dev.interlock.mocks.internal.pact;

import dev.interlock.mocks.internal.Reply;

/**
 * What the stub answers: the reply (status, headers, text of the body, for the journal) and the
 * body's exact bytes, which differ from the text only for a binary body.
 */
public record Answer(Reply reply, byte[] body) {

  public static Answer of(Reply reply) {
    return new Answer(reply, null);
  }
}
