package dev.interlock.codegen.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * SHA-256 fingerprints of a generation's inputs, one file per target and package, so unchanged
 * contracts are not generated again; and the list of packages a target produced last time, so the
 * output of a removed contract is removed too.
 */
public final class Fingerprints {

  private final Path dir;

  public Fingerprints(Path dir) {
    this.dir = dir;
  }

  public static String of(String salt, List<Path> files) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(salt.getBytes(StandardCharsets.UTF_8));
      for (Path f : files) {
        md.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
        md.update(Files.readAllBytes(f));
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean matches(String target, String pkg, String fingerprint) {
    Path f = dir.resolve(target).resolve(pkg + ".sha256");
    try {
      return Files.exists(f) && Files.readString(f).trim().equals(fingerprint);
    } catch (IOException e) {
      return false;
    }
  }

  public void record(String target, String pkg, String fingerprint) {
    try {
      Files.createDirectories(dir.resolve(target));
      Files.writeString(dir.resolve(target).resolve(pkg + ".sha256"), fingerprint + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes the output and fingerprint of every package generated before but not this time. */
  public void forgetOthers(String target, Collection<String> current, Path outputDir) {
    Path t = dir.resolve(target);
    if (!Files.isDirectory(t)) {
      return;
    }
    try (Stream<Path> s = Files.list(t)) {
      for (Path f : s.toList()) {
        String name = f.getFileName().toString();
        if (!name.endsWith(".sha256")) {
          continue;
        }
        String pkg = name.substring(0, name.length() - ".sha256".length());
        if (!current.contains(pkg)) {
          deleteRecursively(outputDir.resolve(pkg.replace('.', '/')));
          Files.deleteIfExists(f);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
