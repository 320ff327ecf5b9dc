package nnsweep.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nnsweep.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The job's own command-line options (spark-submit's options never reach it: {@code submit.sh} routes them).
 *
 * @param config the study file, a plain path or a URI ({@code hdfs://...}, {@code file:///...})
 * @param out the output folder (plain path or URI), or empty for {@code out/<study name>}
 * @param sets {@code key=value} overrides, applied in order
 * @param breakLock take over the output folder's lock even when it was taken on another host
 */
public record Options(String config, Optional<String> out, List<String> sets, boolean overwrite, boolean resume,
    boolean breakLock, boolean verbose, boolean help) {

  /** The usage text. */
  public static String usage() {
    return new CommandLine(new Spec()).getUsageMessage(CommandLine.Help.Ansi.OFF);
  }

  /** Parses the job's arguments; bad ones are an {@link InputException} naming the argument. */
  public static Options parse(String... args) {
    Spec spec = new Spec();
    CommandLine cl = new CommandLine(spec);
    cl.setUnmatchedOptionsArePositionalParams(false);
    try {
      cl.parseArgs(args);
    } catch (CommandLine.UnmatchedArgumentException e) {
      List<String> unmatched = e.getUnmatched();
      String first = unmatched.isEmpty() ? "?" : unmatched.get(0);
      List<String> suggestions = e.getSuggestions();
      throw new InputException("command line: unknown option or argument '" + first + "', expected one of "
          + String.join(", ", optionNames(cl)) + (suggestions.isEmpty() ? ""
          : "; did you mean '" + suggestions.get(0) + "'?") + " (spark-submit options go before them, to submit.sh)");
    } catch (CommandLine.ParameterException e) {
      throw new InputException("command line: " + e.getMessage().replace('\n', ' '));
    }
    if (spec.overwrite && spec.resume) {
      throw new InputException("command line: --overwrite and --resume exclude each other, found both, expected"
          + " one of them");
    }
    return new Options(spec.config, Optional.ofNullable(spec.out), List.copyOf(spec.sets), spec.overwrite,
        spec.resume, spec.breakLock, spec.verbose, spec.help);
  }

  private static List<String> optionNames(CommandLine cl) {
    List<String> names = new ArrayList<>();
    cl.getCommandSpec().options().forEach(o -> names.add(o.longestName()));
    return names;
  }

  @Command(name = "nnsweep", sortOptions = false,
      description = "Trains every network of a study on Spark and writes comparison reports.")
  static final class Spec {
    @Option(names = "--config", paramLabel = "FILE", description = "study file (default: ${DEFAULT-VALUE})")
    String config = "conf/tutorial.conf";

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: out/<study name>)")
    String out;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
        description = "override a study key, e.g. --set learning-rates=[0.1] (repeatable)")
    List<String> sets = new ArrayList<>();

    @Option(names = "--overwrite", description = "replace an existing non-empty output folder")
    boolean overwrite;

    @Option(names = "--resume",
        description = "finish an interrupted run in --out: train only the networks without a committed result")
    boolean resume;

    @Option(names = "--break-lock", description = "take over the output folder's lock left by a run on another host"
        + " (only when that run is gone)")
    boolean breakLock;

    @Option(names = "--verbose", description = "stack traces with errors")
    boolean verbose;

    @Option(names = {"--help", "-h"}, usageHelp = true, description = "this help")
    boolean help;
  }
}
