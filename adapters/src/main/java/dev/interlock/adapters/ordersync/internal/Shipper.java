package dev.interlock.adapters.ordersync.internal;

import dev.interlock.adapters.AdapterRuntime;
import dev.interlock.clients.events.storefront_webhooks.LineItem;
import dev.interlock.clients.events.storefront_webhooks.OrderCreatedPayload;
import dev.interlock.clients.events.storefront_webhooks.ShippingAddress;
import java.util.ArrayList;
import java.util.List;

/** Creates the shipment of an order with fulfilment v1 or v2 (v2 broke the address shape). */
public interface Shipper {

  /** Returns the shipment id. */
  String ship(String orderId, OrderCreatedPayload order);

  static Shipper of(String version, AdapterRuntime runtime) {
    return "v1".equals(version) ? new V1(runtime) : new V2(runtime);
  }

  final class V1 implements Shipper {
    private final dev.interlock.clients.fulfilment.v1.FulfilmentAdapter api;

    V1(AdapterRuntime runtime) {
      api = new dev.interlock.clients.fulfilment.v1.FulfilmentAdapter(runtime);
    }

    @Override
    public String ship(String orderId, OrderCreatedPayload order) {
      ShippingAddress a = order.getShippingAddress();
      var req =
          new dev.interlock.clients.fulfilment.v1.model.CreateShipmentRequest()
              .orderReference(orderId)
              .recipient(
                  new dev.interlock.clients.fulfilment.v1.model.Recipient()
                      .name(a.getName())
                      .email(order.getCustomer().getEmail()))
              .address(
                  new dev.interlock.clients.fulfilment.v1.model.Address()
                      .line1(a.getLine1())
                      .line2(a.getLine2())
                      .city(a.getCity())
                      .postcode(a.getPostcode())
                      .country(a.getCountry()));
      for (LineItem li : order.getLineItems()) {
        req.addItemsItem(
            new dev.interlock.clients.fulfilment.v1.model.Item()
                .sku(li.getSku())
                .description(li.getName())
                .quantity(li.getQuantity()));
      }
      return api.createShipment(orderId, req).getId();
    }
  }

  final class V2 implements Shipper {
    private final dev.interlock.clients.fulfilment.v2.FulfilmentAdapter api;

    V2(AdapterRuntime runtime) {
      api = new dev.interlock.clients.fulfilment.v2.FulfilmentAdapter(runtime);
    }

    @Override
    public String ship(String orderId, OrderCreatedPayload order) {
      ShippingAddress a = order.getShippingAddress();
      List<String> lines = new ArrayList<>();
      lines.add(a.getLine1());
      if (a.getLine2() != null && !a.getLine2().isBlank()) {
        lines.add(a.getLine2());
      }
      var req =
          new dev.interlock.clients.fulfilment.v2.model.CreateShipmentRequest()
              .orderReference(orderId)
              .serviceLevel(dev.interlock.clients.fulfilment.v2.model.ServiceLevel.STANDARD)
              .recipient(
                  new dev.interlock.clients.fulfilment.v2.model.Recipient()
                      .name(a.getName())
                      .email(order.getCustomer().getEmail()))
              .destination(
                  new dev.interlock.clients.fulfilment.v2.model.Destination()
                      .lines(lines)
                      .locality(a.getCity())
                      .postalCode(a.getPostcode())
                      .countryCode(a.getCountry()));
      for (LineItem li : order.getLineItems()) {
        req.addItemsItem(
            new dev.interlock.clients.fulfilment.v2.model.Item()
                .sku(li.getSku())
                .description(li.getName())
                .quantity(li.getQuantity()));
      }
      return api.createShipment(orderId, req).getId();
    }
  }
}
