package dev.interlock.broker;

import dev.interlock.broker.internal.ContractPublishing;
import dev.interlock.broker.internal.EnvironmentRecording;
import dev.interlock.broker.internal.HalClient;
import dev.interlock.broker.internal.MatrixQuery;
import dev.interlock.broker.internal.PactsForVerificationFetch;
import dev.interlock.broker.internal.VerificationPublishing;
import dev.interlock.core.redact.Redactor;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A Pact Broker or PactFlow, as Interlock talks to it.
 *
 * <pre>{@code
 * PactBroker broker = PactBroker.connect(BrokerConnection.of(url).withAuth(auth), System.err::println);
 * PactsForVerification fetched = broker.pactsForVerification(request);
 * }</pre>
 *
 * <p>Everything said through the {@code say} consumer (the broker's notices and logs, selectors
 * that matched nothing) is redacted first. Methods throw {@link BrokerException} when the broker
 * cannot be used as asked.
 */
public final class PactBroker {

  private final BrokerConnection connection;
  private final HalClient client;
  private final Consumer<String> say;

  private PactBroker(BrokerConnection connection, Consumer<String> say) {
    this.connection = connection;
    Redactor redactor = connection.redactor();
    this.say = line -> say.accept(redactor.redactText(line));
    this.client = new HalClient(connection);
  }

  /**
   * A client of the broker; nothing is sent yet.
   *
   * @param say where the broker's notices and the client's remarks go, one line each
   */
  public static PactBroker connect(BrokerConnection connection, Consumer<String> say) {
    return new PactBroker(connection, say);
  }

  public BrokerConnection connection() {
    return connection;
  }

  /** Publishes one consumer version's pacts in one request. */
  public PublishResult publish(PublishRequest request) {
    PublishResult result = ContractPublishing.publish(client, request);
    result.logs().forEach(say);
    return result;
  }

  /** The pacts a provider must verify, with pending and WIP status and the broker's notices. */
  public PactsForVerification pactsForVerification(VerificationRequest request) {
    return PactsForVerificationFetch.fetch(client, request, say);
  }

  /** Publishes one pact's verification result; returns the broker's notices about it. */
  public List<String> publishVerificationResult(FetchedPact pact, ProviderVerification result) {
    List<String> notices = VerificationPublishing.publish(client, pact, result);
    notices.forEach(n -> say.accept(pact.description() + ": " + n));
    return notices;
  }

  /** The broker's can-i-deploy verdict and matrix. */
  public Matrix canIDeploy(CanIDeployQuery query) {
    return MatrixQuery.ask(client, connection.index(), query);
  }

  /** Records that a version now runs in an environment. */
  public void recordDeployment(Deployment deployment) {
    EnvironmentRecording.record(
        client,
        EnvironmentRecording.Kind.DEPLOYMENT,
        deployment.pacticipant(),
        deployment.version(),
        deployment.environment(),
        deployment.applicationInstance());
  }

  /** Records that a version was released to an environment (several may be in use at once). */
  public void recordRelease(Release release) {
    EnvironmentRecording.record(
        client,
        EnvironmentRecording.Kind.RELEASE,
        release.pacticipant(),
        release.version(),
        release.environment(),
        Optional.empty());
  }
}
