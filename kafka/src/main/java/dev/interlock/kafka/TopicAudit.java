package dev.interlock.kafka;

import dev.interlock.core.Diagnostic;
import java.util.List;

/**
 * What {@link LiveTrafficAudit} saw on one topic.
 *
 * @param records how many records it read
 * @param findings one or more per record that does not match its contract, located on both sides
 */
public record TopicAudit(TopicBinding topic, long records, List<Diagnostic> findings) {

  public TopicAudit {
    findings = List.copyOf(findings);
  }
}
