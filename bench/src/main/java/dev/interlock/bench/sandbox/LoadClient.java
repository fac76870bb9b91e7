package dev.interlock.bench.sandbox;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * A small closed-loop HTTP/1.1 load generator: {@code clients} threads, each on its own keep-alive
 * socket, send one request, read the whole response, and send the next, for a bounded time and
 * count. Raw sockets keep the client's own cost far below the server's.
 */
final class LoadClient {

  /** One request shape; {@code {n}} in a header value becomes a per-request counter. */
  record Request(String method, String pathAndQuery, Map<String, String> headers, String body) {}

  /** What a phase measured. */
  record Result(long requests, long errors, double seconds, long p50Micros, long p99Micros) {
    double perSecond() {
      return requests / seconds;
    }
  }

  private static final AtomicLong COUNTER = new AtomicLong();

  /** Latencies are kept to three significant digits up to a minute. */
  private static final long MAX_LATENCY_MICROS = 60_000_000;

  private LoadClient() {}

  static Result run(
      String host, int port, Request request, int clients, double seconds, long maxRequests)
      throws InterruptedException {
    long perClient = Math.max(1, maxRequests / clients);
    // Fixed memory per client, whatever the request count: the load shares the sandbox's bounded
    // heap, and an array of every latency (hundreds of MB at 64 clients) starved the server under
    // test of memory and measured the garbage collector instead.
    Histogram[] latencies = new Histogram[clients];
    long[] counts = new long[clients];
    long[] errors = new long[clients];
    CountDownLatch ready = new CountDownLatch(clients);
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    long[] window = new long[2];
    for (int c = 0; c < clients; c++) {
      int id = c;
      latencies[c] = new Histogram(MAX_LATENCY_MICROS, 3);
      Thread t =
          new Thread(
              () -> {
                Socket socket = null;
                try {
                  socket = connect(host, port);
                  ready.countDown();
                  go.await();
                  long deadline = window[0] + (long) (seconds * 1e9);
                  InputStream in = new BufferedInputStream(socket.getInputStream(), 16384);
                  OutputStream out = socket.getOutputStream();
                  long n = 0;
                  while (n < perClient && System.nanoTime() < deadline) {
                    byte[] bytes = bytes(request, host, port);
                    long t0 = System.nanoTime();
                    try {
                      out.write(bytes);
                      out.flush();
                      int status = readResponse(in);
                      if (status >= 400) {
                        errors[id]++;
                      }
                    } catch (IOException e) {
                      errors[id]++;
                      socket.close();
                      socket = connect(host, port);
                      in = new BufferedInputStream(socket.getInputStream(), 16384);
                      out = socket.getOutputStream();
                    }
                    latencies[id].recordValue(
                        Math.min(MAX_LATENCY_MICROS, (System.nanoTime() - t0) / 1000));
                    n++;
                  }
                  counts[id] = n;
                } catch (IOException | InterruptedException e) {
                  throw new IllegalStateException(e);
                } finally {
                  try {
                    if (socket != null) {
                      socket.close();
                    }
                  } catch (IOException e) {
                    // closing
                  }
                }
              },
              "load-" + c);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    ready.await();
    window[0] = System.nanoTime();
    go.countDown();
    for (Thread t : threads) {
      t.join();
    }
    double elapsed = (System.nanoTime() - window[0]) / 1e9;
    long total = Arrays.stream(counts).sum();
    Histogram all = new Histogram(MAX_LATENCY_MICROS, 3);
    for (Histogram h : latencies) {
      all.add(h);
    }
    return new Result(
        total,
        Arrays.stream(errors).sum(),
        elapsed,
        all.getValueAtPercentile(50),
        all.getValueAtPercentile(99));
  }

  private static Socket connect(String host, int port) throws IOException {
    Socket s = new Socket();
    s.setTcpNoDelay(true);
    s.connect(new InetSocketAddress(host, port), 5000);
    s.setSoTimeout(30_000);
    return s;
  }

  static byte[] bytes(Request r, String host, int port) {
    String n = String.valueOf(COUNTER.incrementAndGet());
    StringBuilder b = new StringBuilder();
    b.append(r.method()).append(' ').append(r.pathAndQuery()).append(" HTTP/1.1\r\n");
    b.append("Host: ").append(host).append(':').append(port).append("\r\n");
    r.headers()
        .forEach((k, v) -> b.append(k).append(": ").append(v.replace("{n}", n)).append("\r\n"));
    byte[] body = r.body() == null ? new byte[0] : r.body().getBytes(StandardCharsets.UTF_8);
    if (r.body() != null) {
      b.append("Content-Length: ").append(body.length).append("\r\n");
    }
    b.append("\r\n");
    byte[] head = b.toString().getBytes(StandardCharsets.ISO_8859_1);
    byte[] out = Arrays.copyOf(head, head.length + body.length);
    System.arraycopy(body, 0, out, head.length, body.length);
    return out;
  }

  /** Reads one response (Content-Length or chunked) and returns its status. */
  static int readResponse(InputStream in) throws IOException {
    String status = line(in);
    if (status == null) {
      throw new IOException("connection closed");
    }
    int code = Integer.parseInt(status.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    String h;
    while ((h = line(in)) != null && !h.isEmpty()) {
      int colon = h.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = h.substring(0, colon).trim();
      String value = h.substring(colon + 1).trim();
      if (name.equalsIgnoreCase("Content-Length")) {
        length = Long.parseLong(value);
      } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.contains("chunked")) {
        chunked = true;
      }
    }
    if (chunked) {
      while (true) {
        String size = line(in);
        int semi = size.indexOf(';');
        long n = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
        if (n == 0) {
          line(in);
          break;
        }
        skip(in, n);
        line(in);
      }
    } else if (length > 0) {
      skip(in, length);
    }
    return code;
  }

  private static void skip(InputStream in, long n) throws IOException {
    long left = n;
    while (left > 0) {
      long s = in.skip(left);
      if (s <= 0) {
        if (in.read() < 0) {
          throw new IOException("truncated body");
        }
        s = 1;
      }
      left -= s;
    }
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder(64);
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        int len = b.length();
        if (len > 0 && b.charAt(len - 1) == '\r') {
          b.setLength(len - 1);
        }
        return b.toString();
      }
      b.append((char) c);
    }
    return b.length() == 0 ? null : b.toString();
  }
}
