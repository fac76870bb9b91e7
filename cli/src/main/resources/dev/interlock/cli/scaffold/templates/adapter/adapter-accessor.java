
  /** {@code ${vendor}} ${version}, generated from {@code ${contract}}. */
  public ${adapterClass} ${field}() {
    return ${field};
  }
