package dev.interlock.adapters.ordersync.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Random;

/** Seeded {@code order.created} payloads, valid against the storefront-webhooks contract. */
public final class OrderFactory {

  private static final String ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  private static final String[][] ITEMS = {
    {"MUG-CER-350-BLU", "Ceramic mug 350 ml, blue", "2490"},
    {"TEA-EARLGREY-100", "Earl Grey loose tea 100 g", "890"},
    {"POT-TEA-1L", "Teapot 1 l", "3490"},
    {"SPN-STEEL-4", "Tea spoons, set of 4", "1290"}
  };
  private static final String[][] CITIES = {
    {"Berlin", "10115", "DE", "Invalidenstrasse 117"},
    {"Hamburg", "20359", "DE", "Hafenstrasse 9"},
    {"Wien", "1010", "AT", "Graben 21"},
    {"Amsterdam", "1012 AB", "NL", "Damrak 70"}
  };

  private final ObjectMapper json = new ObjectMapper();
  private final Random random;

  public OrderFactory(long seed) {
    this.random = new Random(seed ^ 0x0ADE5L);
  }

  public ObjectNode next(int number, Instant at) {
    ObjectNode o = json.createObjectNode();
    o.put("orderId", "ord_" + token(12));
    o.put("orderNumber", number);
    o.put("status", "placed");
    o.put("currency", "EUR");
    ArrayNode lines = o.putArray("lineItems");
    int n = 1 + random.nextInt(3);
    int subtotal = 0;
    for (int i = 0; i < n; i++) {
      String[] item = ITEMS[random.nextInt(ITEMS.length)];
      int qty = 1 + random.nextInt(3);
      int price = Integer.parseInt(item[2]);
      ObjectNode li = lines.addObject();
      li.put("sku", item[0]);
      li.put("name", item[1]);
      li.put("quantity", qty);
      li.put("unitPrice", price);
      li.put("total", price * qty);
      subtotal += price * qty;
    }
    int shipping = 490 + 10 * random.nextInt(60);
    int total = subtotal + shipping;
    o.put("subtotal", subtotal);
    o.put("shippingTotal", shipping);
    o.put("taxTotal", Math.round(total * 19f / 119f));
    o.put("total", total);
    o.put("taxesIncluded", true);
    String[] city = CITIES[random.nextInt(CITIES.length)];
    String name = "Customer " + number;
    ObjectNode c = o.putObject("customer");
    c.put("id", "cus_" + token(12));
    c.put("email", "customer" + number + "@example.net");
    c.put("name", name);
    ObjectNode a = o.putObject("shippingAddress");
    a.put("name", name);
    a.put("line1", city[3]);
    a.putNull("line2");
    a.put("city", city[0]);
    a.put("postcode", city[1]);
    a.put("country", city[2]);
    ObjectNode p = o.putObject("payment");
    p.put("gateway", "payments");
    p.put("paymentMethodId", "pm_card_visa");
    o.put("createdAt", at.toString());
    return o;
  }

  private String token(int len) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < len; i++) {
      b.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
    }
    return b.toString();
  }
}
