    System.err.println("${name}: adapters ready for " + ${type}.VENDORS + " (" + adapter + ")");
