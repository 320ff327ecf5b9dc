package nnsweep.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The command line of a run, quoted for a POSIX shell: as it was started (for the output folder's lock) and the one
 * that finishes it when it stops early. The launcher's part comes from {@code submit.sh} (its own and spark-submit's
 * options, in the environment variables {@link #LAUNCHER} and {@link #LAUNCHER_OPTIONS}); the command that finishes
 * a run has the job's arguments minus {@code --overwrite}, {@code --resume} and {@code --break-lock}, plus
 * {@code --out} and {@code --resume}.
 */
public final class LaunchCommand {
  /** Environment variable: how the job was launched, e.g. {@code ./submit.sh}. */
  public static final String LAUNCHER = "NNSWEEP_LAUNCHER";
  /** Environment variable: the options the launcher consumed itself (spark-submit's), one per line. */
  public static final String LAUNCHER_OPTIONS = "NNSWEEP_LAUNCHER_OPTIONS";

  private static final Set<String> DROPPED = Set.of("--overwrite", "--resume", "--break-lock");
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

  private LaunchCommand() {}

  /** The command that started a job with {@code jobArgs}, launched as the environment says. */
  public static String asStarted(List<String> jobArgs) {
    StringBuilder command = new StringBuilder(launcher());
    launcherOptions().forEach(w -> command.append(' ').append(quote(w)));
    jobArgs.forEach(w -> command.append(' ').append(quote(w)));
    return command.toString();
  }

  /** The command that finishes a job started with {@code jobArgs} writing to {@code out}. */
  public static String toResume(List<String> jobArgs, String out) {
    return toResume(launcher(), launcherOptions(), jobArgs, out);
  }

  private static String launcher() {
    String launcher = System.getenv(LAUNCHER);
    // started by spark-submit directly: its own options are not known here
    return launcher == null || launcher.isBlank() ? "spark-submit [spark options] --class nnsweep.Main nnsweep.jar"
        : quote(launcher);
  }

  private static List<String> launcherOptions() {
    String options = System.getenv(LAUNCHER_OPTIONS);
    return options == null || options.isEmpty() ? List.of() : List.of(options.split("\n"));
  }

  /** The command that finishes a run: {@code launcher} (already quoted), then its options and the job's arguments. */
  static String toResume(String launcher, List<String> launcherOptions, List<String> jobArgs, String out) {
    List<String> words = new ArrayList<>(launcherOptions);
    boolean hasOut = false;
    for (String arg : jobArgs) {
      if (!DROPPED.contains(arg)) {
        words.add(arg);
        hasOut |= arg.equals("--out") || arg.startsWith("--out=");
      }
    }
    if (!hasOut) {
      words.add("--out");
      words.add(out);
    }
    words.add("--resume");
    StringBuilder command = new StringBuilder(launcher);
    words.forEach(w -> command.append(' ').append(quote(w)));
    return command.toString();
  }

  /** {@code word} as a POSIX shell reads it back: as is when plain, else in single quotes. */
  static String quote(String word) {
    return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}
