package dev.interlock.verifiers.checks;

import dev.interlock.adapters.SecretResolver;
import dev.interlock.core.contract.AsyncApiContract;
import dev.interlock.core.manifest.Manifest;
import dev.interlock.kafka.AsyncApiTopics;
import dev.interlock.kafka.DeliveryScenario;
import dev.interlock.kafka.KafkaBroker;
import dev.interlock.kafka.KafkaSandbox;
import dev.interlock.kafka.KafkaSettings;
import dev.interlock.kafka.LiveTrafficAudit;
import dev.interlock.kafka.TopicAudit;
import dev.interlock.kafka.TopicBinding;
import dev.interlock.mocks.SandboxOptions;
import dev.interlock.verifiers.Check;
import dev.interlock.verifiers.CheckCase;
import dev.interlock.verifiers.Results;
import dev.interlock.verifiers.VerificationContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code message.on-broker-matches-asyncapi}: every record written to a Kafka-bound system's topics
 * while {@code verify} runs matches its AsyncAPI message (payload, headers, key, content type). The
 * audit notes where each partition ends when the run is planned and reads up to where they end when
 * the case runs (this check runs last), so it sees the run's traffic and nothing older. With {@code
 * --kafka embedded} the broker is started here and the sandbox publishes the contracts' sent events
 * onto it, so the check judges the sandbox's own Kafka output.
 */
public final class MessageOnBrokerCheck implements Check {

  public static final String ID = "message.on-broker-matches-asyncapi";

  /** Events of each sent message the sandbox publishes onto an embedded broker. */
  static final int EMBEDDED_EVENTS = 10;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "every record on a Kafka-bound system's topics during the run matches its AsyncAPI message (payload, headers, key, content type)";
  }

  /** One Kafka-bound event system and where its broker is (absent: none configured). */
  private record KafkaSystem(
      String id, List<AsyncApiContract> contracts, Optional<KafkaSettings> settings, String why) {}

  @Override
  public List<CheckCase> plan(VerificationContext context) {
    List<CheckCase> cases = new ArrayList<>();
    for (KafkaSystem system : systems(context)) {
      AsyncApiTopics topics = AsyncApiTopics.of(system.contracts());
      if (system.settings().isEmpty()) {
        cases.add(
            new CheckCase(
                ID,
                system.id(),
                () -> Results.of(ID, system.id()).vendor(system.id()).skipped(system.why())));
        continue;
      }
      Audit audit =
          context.shared("kafka.audit." + system.id(), () -> Audit.start(system, context));
      for (TopicBinding t : topics.all()) {
        String name = system.id() + " → " + t.topic();
        cases.add(new CheckCase(ID, name, () -> judge(audit, system, t, name)));
      }
    }
    return cases;
  }

  private static dev.interlock.core.run.CheckResult judge(
      Audit audit, KafkaSystem system, TopicBinding topic, String name) {
    Results r = Results.of(ID, name).vendor(system.id()).operation("topic " + topic.topic());
    if (audit.failure != null) {
      return r.failed("Kafka could not be watched: " + audit.failure);
    }
    TopicAudit seen =
        audit.results().stream()
            .filter(t -> t.topic().topic().equals(topic.topic()))
            .findFirst()
            .orElse(null);
    if (seen == null || seen.records() == 0) {
      return r.skipped("no record was written to " + topic.topic() + " during the run");
    }
    r.findings(seen.findings());
    return r.verdict(
        seen.records() + " record(s) on " + topic.topic() + " match the contract",
        seen.findings().size()
            + " problem(s) in the "
            + seen.records()
            + " record(s) on "
            + topic.topic());
  }

  private static List<KafkaSystem> systems(VerificationContext context) {
    Optional<Manifest> manifest = context.manifest();
    if (manifest.isEmpty()) {
      return List.of();
    }
    Optional<String> override = context.options().kafka();
    Path root = manifest.get().root();
    List<KafkaSystem> out = new ArrayList<>();
    for (Manifest.EventSystem e : manifest.get().events().values()) {
      boolean onKafka = "kafka".equals(e.transport()) || e.kafka().isObject();
      if (!onKafka) {
        continue;
      }
      List<AsyncApiContract> contracts = new ArrayList<>();
      for (AsyncApiContract a : context.contracts().asyncApi()) {
        if (a.file()
            .toAbsolutePath()
            .normalize()
            .equals(e.contract().toAbsolutePath().normalize())) {
          contracts.add(a);
        }
      }
      if (contracts.isEmpty()) {
        continue;
      }
      Optional<KafkaSettings> settings = Optional.empty();
      String why =
          "no Kafka broker for "
              + e.id()
              + ": pass --kafka BOOTSTRAP (or 'embedded'), or set events."
              + e.id()
              + ".kafka.bootstrap in the manifest";
      try {
        if (e.kafka().isObject()) {
          KafkaSettings s =
              KafkaSettings.fromManifest(
                  e.kafka(),
                  SecretResolver.fromEnvironment(null, root),
                  "events." + e.id() + ".kafka");
          settings = Optional.of(override.map(s::withBootstrap).orElse(s));
        } else if (override.isPresent()) {
          settings = Optional.of(KafkaSettings.of(override.get()));
        }
      } catch (IllegalArgumentException ex) {
        why = ex.getMessage();
      }
      out.add(new KafkaSystem(e.id(), contracts, settings, why));
    }
    return out;
  }

  /** The run's watch on one system's topics; audited once, when the first topic's case runs. */
  private static final class Audit implements AutoCloseable {
    private final KafkaSystem system;
    private final long seed;
    private KafkaBroker broker;
    private LiveTrafficAudit audit;
    private List<TopicAudit> results;
    private String failure;

    private Audit(KafkaSystem system, long seed) {
      this.system = system;
      this.seed = seed;
    }

    static Audit start(KafkaSystem system, VerificationContext context) {
      Audit a = new Audit(system, context.seed());
      try {
        a.broker = KafkaBroker.of(system.settings().orElseThrow());
        a.audit = LiveTrafficAudit.start(a.broker.settings(), system.contracts());
      } catch (RuntimeException e) {
        a.failure = system.settings().orElseThrow().bootstrap() + ": " + e.getMessage();
      }
      return a;
    }

    synchronized List<TopicAudit> results() {
      if (results == null) {
        if (broker.isEmbedded()) {
          publishSandboxEvents();
        }
        results = audit.audit();
      }
      return results;
    }

    /** An embedded broker has no traffic of its own: the sandbox's events are what is judged. */
    private void publishSandboxEvents() {
      try (KafkaSandbox sandbox =
          KafkaSandbox.start(
              broker.settings(),
              system.contracts(),
              DeliveryScenario.IN_ORDER,
              SandboxOptions.builder().seed(seed).build())) {
        sandbox.publishEmitted(EMBEDDED_EVENTS);
      }
    }

    @Override
    public void close() {
      if (audit != null) {
        audit.close();
      }
      if (broker != null) {
        broker.close();
      }
    }
  }
}
