
  private final ${adapterClass} ${field};