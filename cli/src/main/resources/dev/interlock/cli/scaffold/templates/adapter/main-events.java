    ${eventType}Handler handler = new ${eventType}Handler(adapter);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (!line.isBlank()) {
        handler.handle(line.getBytes(StandardCharsets.UTF_8));
      }
    }
