package ${package};

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.interlock.adapters.AdapterRuntime;
import dev.interlock.adapters.Credentials;
import dev.interlock.adapters.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code ${name}} → {@code ${vendor}} ${version}, driven through the generated adapter. Pact JVM
 * writes the pact ({@code ${name}-${vendor}.json}) into {@code pact.rootDir}: the pom points it at
 * the contracts folder, where {@code interlock verify} checks it against the contract and the
 * sandbox. Add an interaction per call the adapter makes.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "${vendor}", pactVersion = PactSpecVersion.V3)
class ${vendorType}ConsumerPactTest {

  /** A made-up credential: the pact records its shape, never a real one. */
  static final Credentials CREDENTIALS = ${credentials};

  @Pact(consumer = ${type}.NAME)
  RequestResponsePact ${operation}(PactDslWithProvider p) {
    return p.uponReceiving("${description}")
        .method("${method}")
        .path("${path}")${headerMatchers}
        .willRespondWith()
        .status(${status})
        .toPact();
  }

  @Test
  @PactTestFor(pactMethod = "${operation}")
  void ${testName}(MockServer server) {
    AdapterRuntime runtime =
        AdapterRuntime.builder(${type}.NAME)
            .endpoint("${vendor}", server.getUrl())
            .credentials("${vendor}", CREDENTIALS)
            .build();
    new ${adapterClass}(runtime).${javaMethod}(${arguments});
  }
}
