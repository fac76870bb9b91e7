package dev.interlock.adapters.ordersync;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.interlock.adapters.AdapterRuntime;
import dev.interlock.adapters.VendorCallException;
import dev.interlock.adapters.ordersync.ProgressStore.Progress;
import dev.interlock.adapters.ordersync.ProgressStore.Step;
import dev.interlock.adapters.ordersync.internal.Shipper;
import dev.interlock.clients.accounting.v1.AccountingAdapter;
import dev.interlock.clients.accounting.v1.model.CreateJournalEntryRequest;
import dev.interlock.clients.accounting.v1.model.JournalLine;
import dev.interlock.clients.events.internal_events.OrderSynced;
import dev.interlock.clients.events.storefront_webhooks.OrderCreatedPayload;
import dev.interlock.clients.payments.v2025_01_15.PaymentsAdapter;
import dev.interlock.clients.payments.v2025_01_15.model.CreateChargeRequest;
import dev.interlock.clients.payments.v2025_01_15.model.Money;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The reference integration: on {@code order.created} it charges the payment, books the journal
 * entry, creates the shipment and emits {@code order.synced} — exactly once per order, whatever is
 * retried, re-delivered or restarted. Each step is recorded in the {@link ProgressStore} once its
 * vendor call has succeeded; a resumed order repeats only the steps not recorded, with the same
 * idempotency keys (derived from the order id), so the vendor replays rather than repeats.
 *
 * <p>Written against the generated adapters ({@link PaymentsAdapter}, {@link AccountingAdapter},
 * the fulfilment adapters): the resilience policy is theirs.
 */
public final class OrderSync {

  /** One delivery of a storefront webhook, as received. */
  public record Delivery(String eventId, String topic, byte[] body, String signature) {}

  /** What the webhook answers. */
  public enum Ack {
    /** 200: the order is synced (now or before). */
    SYNCED(200),
    /** 200: the order was already synced; nothing done. */
    DUPLICATE(200),
    /** 202: a poison message, set aside in the dead-letter store. */
    DEAD_LETTERED(202),
    /** 401: the signature does not match. */
    REJECTED(401),
    /** 503: a vendor is unavailable for now; the storefront re-delivers later. */
    RETRY_LATER(503);

    public final int status;

    Ack(int status) {
      this.status = status;
    }
  }

  /** Where the integration may die, for restart tests: called after each side effect. */
  @FunctionalInterface
  public interface CrashPoint {
    void afterSideEffect(String orderId, Step step);

    static CrashPoint never() {
      return (o, s) -> {};
    }
  }

  /** Thrown by a {@link CrashPoint} to simulate the process dying. */
  public static final class SimulatedCrash extends Error {
    private static final long serialVersionUID = 1L;

    public SimulatedCrash(String message) {
      super(message, null, false, false);
    }
  }

  private static final Pattern ORDER_ID = Pattern.compile("^ord_[A-Za-z0-9]{8,32}$");
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  private final AdapterRuntime runtime;
  private final PaymentsAdapter payments;
  private final AccountingAdapter accounting;
  private final Shipper shipper;
  private final ProgressStore store;
  private final WebhookSignature signature;
  private final Consumer<OrderSynced> events;
  private final CrashPoint crash;
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  public OrderSync(
      AdapterRuntime runtime,
      String fulfilmentVersion,
      ProgressStore store,
      WebhookSignature signature,
      Consumer<OrderSynced> events,
      CrashPoint crash) {
    this.runtime = runtime;
    this.payments = new PaymentsAdapter(runtime);
    this.accounting = new AccountingAdapter(runtime);
    this.shipper = Shipper.of(fulfilmentVersion, runtime);
    this.store = store;
    this.signature = signature;
    this.events = events;
    this.crash = crash;
  }

  public Ack handle(Delivery d) {
    String id = d.eventId() == null ? "(no event id)" : d.eventId();
    if (!signature.verify(d.body(), d.signature())) {
      store.deadLetter(
          id, "signature does not match (rejected with 401)", null, runtime.clock().instant());
      return Ack.REJECTED;
    }
    if (!"order.created".equals(d.topic())) {
      store.deadLetter(
          id,
          "topic '" + d.topic() + "' is not handled by order-sync",
          text(d),
          runtime.clock().instant());
      return Ack.DEAD_LETTERED;
    }
    OrderCreatedPayload order;
    try {
      order = JSON.readValue(d.body(), OrderCreatedPayload.class);
    } catch (Exception e) {
      store.deadLetter(
          id,
          "unreadable order.created: " + firstLine(e.getMessage()),
          text(d),
          runtime.clock().instant());
      return Ack.DEAD_LETTERED;
    }
    String problem = invalid(order);
    if (problem != null) {
      store.deadLetter(id, "invalid order.created: " + problem, text(d), runtime.clock().instant());
      return Ack.DEAD_LETTERED;
    }
    String orderId = order.getOrderId();
    synchronized (locks.computeIfAbsent(orderId, k -> new Object())) {
      Progress p = store.get(orderId);
      if (p.has(Step.SYNCED)) {
        return Ack.DUPLICATE;
      }
      if (p.has(Step.DEAD)) {
        return Ack.DEAD_LETTERED;
      }
      try {
        sync(order, p);
        return Ack.SYNCED;
      } catch (VendorCallException e) {
        if (e.isTransient()) {
          return Ack.RETRY_LATER;
        }
        store.record(
            orderId, Step.DEAD, e.operationId() + ":" + e.status(), runtime.clock().instant());
        store.deadLetter(id, runtime.redact(e.getMessage()), text(d), runtime.clock().instant());
        return Ack.DEAD_LETTERED;
      }
    }
  }

  private void sync(OrderCreatedPayload order, Progress p) {
    String orderId = order.getOrderId();
    String chargeId = p.ref(Step.CHARGED);
    if (chargeId == null) {
      var charge =
          payments.createCharge(
              orderId,
              new CreateChargeRequest()
                  .amount(
                      new Money().value(decimal(order.getTotal())).currency(order.getCurrency()))
                  .paymentMethod(order.getPayment().getPaymentMethodId())
                  .capture(true)
                  .description("Order #" + order.getOrderNumber())
                  .putMetadataItem("order_id", orderId));
      chargeId = charge.getId();
      crash.afterSideEffect(orderId, Step.CHARGED);
      store.record(orderId, Step.CHARGED, chargeId, runtime.clock().instant());
    }
    String entryId = p.ref(Step.BOOKED);
    if (entryId == null) {
      var request = journalEntryFor(order, chargeId);
      entryId = accounting.createJournalEntry(orderId, request).getId();
      crash.afterSideEffect(orderId, Step.BOOKED);
      store.record(orderId, Step.BOOKED, entryId, runtime.clock().instant());
    }
    String shipmentId = p.ref(Step.SHIPPED);
    if (shipmentId == null) {
      shipmentId = shipper.ship(orderId, order);
      crash.afterSideEffect(orderId, Step.SHIPPED);
      store.record(orderId, Step.SHIPPED, shipmentId, runtime.clock().instant());
    }
    OrderSynced synced = new OrderSynced();
    synced.setOrderId(orderId);
    synced.setChargeId(chargeId);
    synced.setJournalEntryId(entryId);
    synced.setShipmentId(shipmentId);
    synced.setSyncedAt(runtime.clock().instant().atOffset(ZoneOffset.UTC));
    // at-least-once towards the channel with a stable event id (UUID of the order id); the
    // channel de-duplicates on it, so a crash between publish and record repeats no event
    events.accept(synced);
    store.record(orderId, Step.SYNCED, eventId(orderId), runtime.clock().instant());
  }

  /** The stable event id of an order's {@code order.synced}. */
  public static String eventId(String orderId) {
    return UUID.nameUUIDFromBytes(("order.synced:" + orderId).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  private static String invalid(OrderCreatedPayload o) {
    if (o.getOrderId() == null || !ORDER_ID.matcher(o.getOrderId()).matches()) {
      return "orderId missing or malformed";
    }
    if (o.getTotal() == null || o.getTotal() <= 0) {
      return "total must be positive";
    }
    if (o.getCurrency() == null || !o.getCurrency().matches("^[A-Z]{3}$")) {
      return "currency missing or malformed";
    }
    if (o.getLineItems() == null || o.getLineItems().isEmpty()) {
      return "no line items";
    }
    if (o.getPayment() == null || o.getPayment().getPaymentMethodId() == null) {
      return "no payment method";
    }
    if (o.getShippingAddress() == null || o.getCustomer() == null || o.getCreatedAt() == null) {
      return "shipping address, customer or createdAt missing";
    }
    if (o.getTaxTotal() != null && o.getTaxTotal() >= o.getTotal()) {
      return "taxTotal not below total";
    }
    return null;
  }

  private static String decimal(int minor) {
    return new BigDecimal(minor).movePointLeft(2).toPlainString();
  }

  private static String text(Delivery d) {
    return new String(d.body(), StandardCharsets.UTF_8);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /**
   * The journal entry order-sync books for a charged order: the charge clears, revenue and VAT are
   * credited. Public so the Pact consumer test expresses exactly what order-sync sends.
   */
  public static CreateJournalEntryRequest journalEntryFor(
      OrderCreatedPayload order, String chargeId) {
    int total = order.getTotal();
    int tax = order.getTaxTotal() == null ? 0 : order.getTaxTotal();
    CreateJournalEntryRequest request =
        new CreateJournalEntryRequest()
            .date(order.getCreatedAt().atZoneSameInstant(ZoneOffset.UTC).toLocalDate())
            .currency(order.getCurrency())
            .reference(order.getOrderId())
            .memo("Order #" + order.getOrderNumber() + ", charge " + chargeId)
            .addLinesItem(
                line(
                    CLEARING_ACCOUNT,
                    JournalLine.SideEnum.DEBIT,
                    total,
                    "Payments provider clearing"))
            .addLinesItem(
                line(
                    REVENUE_ACCOUNT, JournalLine.SideEnum.CREDIT, total - tax, "Web shop revenue"));
    if (tax > 0) {
      request.addLinesItem(line(VAT_ACCOUNT, JournalLine.SideEnum.CREDIT, tax, "VAT"));
    }
    return request;
  }

  /** The ledger accounts an order books to: the charge clears, revenue and VAT are credited. */
  private static final String CLEARING_ACCOUNT = "1210";

  private static final String REVENUE_ACCOUNT = "4000";
  private static final String VAT_ACCOUNT = "2200";

  private static JournalLine line(
      String account, JournalLine.SideEnum side, int amount, String description) {
    return new JournalLine().account(account).side(side).amount(amount).description(description);
  }
}
