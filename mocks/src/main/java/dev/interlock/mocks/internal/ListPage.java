package dev.interlock.mocks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One page of a collection as a list answers it: the pagination parameters a list's shape makes
 * recognisable ({@code limit}/{@code per_page}/{@code page_size}, {@code starting_after}/{@code
 * ending_before} by id, {@code page}, {@code offset}) cut the items held, and the list's own fields
 * say what is left ({@code has_more}, {@code hasMore}...) and how many there are ({@code
 * total_count}, {@code total}...; {@code count} is the page's).
 *
 * @param items the items of the page
 * @param more whether items follow the page
 * @param total how many items the collection holds
 */
record ListPage(List<JsonNode> items, boolean more, int total) {

  private static final Set<String> LIMIT = Set.of("limit", "perpage", "pagesize", "maxresults");
  private static final Set<String> MORE = Set.of("hasmore", "hasnext", "hasnextpage", "more");
  private static final Set<String> TOTAL =
      Set.of("total", "totalcount", "totalitems", "totalresults");

  static ListPage of(List<JsonNode> all, Map<String, List<String>> query) {
    int from = 0;
    int to = all.size();
    Integer limit = null;
    Integer page = null;
    for (Map.Entry<String, List<String>> q : query.entrySet()) {
      String name = role(q.getKey());
      String value = q.getValue().isEmpty() ? "" : q.getValue().get(0);
      if (LIMIT.contains(name)) {
        limit = positive(value);
      } else if (name.equals("startingafter")) {
        from = Math.max(from, indexOf(all, value) + 1);
      } else if (name.equals("endingbefore")) {
        int i = indexOf(all, value);
        to = i < 0 ? to : Math.min(to, i);
      } else if (name.equals("offset")) {
        Integer o = positive(value);
        from = o == null ? from : Math.min(all.size(), o);
      } else if (name.equals("page")) {
        page = positive(value);
      }
    }
    if (limit != null && page != null && page > 1) {
      from = Math.min(all.size(), from + (page - 1) * limit);
    }
    from = Math.min(from, to);
    int end = limit == null ? to : Math.min(to, from + limit);
    return new ListPage(List.copyOf(all.subList(from, end)), end < to, all.size());
  }

  /** Sets the list's own fields that say what is left and how many there are. */
  void describe(ObjectNode list) {
    list.fields()
        .forEachRemaining(
            f -> {
              String name = role(f.getKey());
              if (f.getValue().isBoolean() && MORE.contains(name)) {
                list.put(f.getKey(), more);
              } else if (f.getValue().isIntegralNumber() && TOTAL.contains(name)) {
                list.put(f.getKey(), total);
              } else if (f.getValue().isIntegralNumber() && name.equals("count")) {
                list.put(f.getKey(), items.size());
              }
            });
  }

  private static String role(String name) {
    return name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
  }

  private static int indexOf(List<JsonNode> items, String id) {
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).path("id").asText("").equals(id)) {
        return i;
      }
    }
    return -1;
  }

  private static Integer positive(String value) {
    try {
      int n = Integer.parseInt(value.trim());
      return n >= 0 ? n : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
