package dev.interlock.mocks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceAddressTest {

  static final ContractVersion STATE = Steps.version("openapi/3.0/state.yaml");

  @Test
  void anItemSpelledWithAnExtensionBelongsToTheCollectionSpelledWithIt() {
    ResourceAddress item =
        ResourceAddress.of(
            Steps.operation(STATE, "getThing"), "/things/TH1.json", Map.of("thingSid", "TH1"));
    ResourceAddress list =
        ResourceAddress.of(Steps.operation(STATE, "listThings"), "/things.json", Map.of());
    assertThat(item.item()).isTrue();
    assertThat(item.id()).isEqualTo("TH1");
    assertThat(item.collectionKey()).isEqualTo(list.collectionKey());
    assertThat(list.name()).isEqualTo("things");
    assertThat(list.item()).isFalse();
  }

  @Test
  void aNestedCollectionIsItsParentsOwn() {
    OperationModel op = Steps.operation(STATE, "listOwnerPets");
    assertThat(ResourceAddress.of(op, "/owners/o1/pets", Map.of("ownerId", "o1")).collectionKey())
        .isNotEqualTo(
            ResourceAddress.of(op, "/owners/o2/pets", Map.of("ownerId", "o2")).collectionKey());
    assertThat(ResourceAddress.of(op, "/owners/o1/pets", Map.of()).template())
        .isEqualTo("/owners/{ownerId}/pets");
  }

  @Test
  void theIdFieldIsIdElseTheFieldTheItemParameterIsNamedAfter() {
    assertThat(ResourceAddress.idField(Steps.json("{\"id\":1,\"sid\":\"x\"}"), "thingSid"))
        .isEqualTo("id");
    assertThat(ResourceAddress.idField(Steps.json("{\"sid\":\"x\",\"label\":\"y\"}"), "thingSid"))
        .isEqualTo("sid");
    assertThat(ResourceAddress.itemParameter(STATE, "/things")).isEqualTo("thingSid");
    assertThat(ResourceAddress.itemParameter(STATE, "/owners/{ownerId}/pets")).isNull();
  }

  @Test
  void theContractsExamplesWithAnIdAreResourcesFromTheStart() {
    assertThat(ExampleResources.of(STATE))
        .extracting(ExampleResources.Seed::collectionKey, ExampleResources.Seed::id)
        .containsExactlyInAnyOrder(
            tuple("1|/pets", "42"), tuple("1|/things", "TH0123456789abcdef"));
  }
}
