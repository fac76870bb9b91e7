package dev.interlock.verifiers;

import dev.interlock.core.LoadOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What one verification run does.
 *
 * @param contracts the contracts folder (holding interlock.yaml)
 * @param seed every random choice of the run derives from it; printed in every report
 * @param checkGlobs which checks run, as globs over check ids ({@code adapter.*}); empty = all
 * @param shard which share of the cases this runner takes
 * @param base contracts to compare against for the {@code version.*} checks, when given
 * @param command the command line that reproduces the run, as reports print it
 * @param interlockVersion the version of Interlock that runs, as reports print it
 * @param kafka the Kafka bootstrap servers (or {@code embedded}) whose topics the {@code message.*}
 *     checks watch, over the manifest's {@code events.<system>.kafka.bootstrap}; empty: the
 *     manifest's
 */
public record VerificationOptions(
    Path contracts,
    long seed,
    List<String> checkGlobs,
    Shard shard,
    Optional<Path> base,
    LoadOptions loadOptions,
    String command,
    String interlockVersion,
    Optional<String> kafka) {

  public VerificationOptions {
    checkGlobs = List.copyOf(checkGlobs);
  }

  public static VerificationOptions of(Path contracts, long seed) {
    return new VerificationOptions(
        contracts,
        seed,
        List.of(),
        Shard.ALL,
        Optional.empty(),
        LoadOptions.forRoot(contracts),
        "interlock verify --contracts " + contracts + " --seed " + seed,
        "dev",
        Optional.empty());
  }

  public VerificationOptions withChecks(List<String> globs) {
    return new VerificationOptions(
        contracts, seed, globs, shard, base, loadOptions, command, interlockVersion, kafka);
  }

  public VerificationOptions withShard(Shard newShard) {
    return new VerificationOptions(
        contracts, seed, checkGlobs, newShard, base, loadOptions, command, interlockVersion, kafka);
  }

  public VerificationOptions withBase(Path newBase) {
    return new VerificationOptions(
        contracts,
        seed,
        checkGlobs,
        shard,
        Optional.ofNullable(newBase),
        loadOptions,
        command,
        interlockVersion,
        kafka);
  }

  public VerificationOptions withLoadOptions(LoadOptions newLoadOptions) {
    return new VerificationOptions(
        contracts, seed, checkGlobs, shard, base, newLoadOptions, command, interlockVersion, kafka);
  }

  /** The command line and Interlock version the run's reports print. */
  public VerificationOptions withIdentity(String newCommand, String newInterlockVersion) {
    return new VerificationOptions(
        contracts,
        seed,
        checkGlobs,
        shard,
        base,
        loadOptions,
        newCommand,
        newInterlockVersion,
        kafka);
  }

  /** The Kafka cluster the {@code message.*} checks watch ({@code --kafka}). */
  public VerificationOptions withKafka(String bootstrap) {
    return new VerificationOptions(
        contracts,
        seed,
        checkGlobs,
        shard,
        base,
        loadOptions,
        command,
        interlockVersion,
        Optional.ofNullable(bootstrap));
  }

  /** Whether a check id is selected by the globs ({@code *} matches any run of characters). */
  public boolean selects(String checkId) {
    if (checkGlobs.isEmpty()) {
      return true;
    }
    for (String glob : checkGlobs) {
      String regex = Pattern.quote(glob).replace("*", "\\E.*\\Q");
      if (checkId.matches(regex)) {
        return true;
      }
    }
    return false;
  }
}
