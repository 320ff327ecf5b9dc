package nnsweep.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nnsweep.errors.InputException;
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
    boolean breakLock, boolean verbose, boolean help, boolean version) {

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
      splitSet(args, unmatched);
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
    for (String set : spec.sets) {
      if (!balanced(set)) {
        throw new InputException("command line: --set " + set + ": the value is cut short (unbalanced brackets),"
            + " expected the whole HOCON value in one argument: quote it, such as --set 'seeds={ from = 0, count"
            + " = 2 }'");
      }
    }
    return new Options(spec.config, Optional.ofNullable(spec.out), List.copyOf(spec.sets), spec.overwrite,
        spec.resume, spec.breakLock, spec.verbose, spec.help, spec.version);
  }

  /**
   * An unquoted {@code --set seeds={ from = 0, count = 2 }} reaches the job as {@code seeds={}, {@code from},
   * {@code =}, ...: the shell split it at its spaces. Says so, instead of calling the pieces unknown arguments.
   */
  private static void splitSet(String[] args, List<String> unmatched) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals("--set") && !balanced(args[i + 1])) {
        List<String> rest = new ArrayList<>();
        for (int j = i + 2; j < args.length && !args[j].startsWith("--"); j++) {
          rest.add(args[j]);
        }
        String joined = args[i + 1] + (rest.isEmpty() ? "" : " " + String.join(" ", rest));
        throw new InputException("command line: --set " + args[i + 1] + ": the value is cut short, found "
            + (rest.isEmpty() ? "nothing" : "'" + String.join("' '", rest) + "'") + " after it as separate"
            + " arguments (the shell split the value at its spaces), expected one argument: quote it, --set '"
            + joined + "'");
      }
    }
    if (!unmatched.isEmpty() && unmatched.get(0).isEmpty()) {
      throw new InputException("command line: an empty argument (''), expected options such as --config FILE; a"
          + " --set value with spaces must be quoted, such as --set 'seeds={ from = 0, count = 2 }'");
    }
  }

  /** Whether every '{' and '[' of {@code value} outside quotes is closed. */
  private static boolean balanced(String value) {
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '{' || c == '[')) {
        depth++;
      } else if (!quoted && (c == '}' || c == ']')) {
        depth--;
      }
    }
    return depth <= 0;
  }

  private static List<String> optionNames(CommandLine cl) {
    List<String> names = new ArrayList<>();
    cl.getCommandSpec().options().forEach(o -> names.add(o.longestName()));
    return names;
  }

  @Command(name = "./submit.sh", sortOptions = false, usageHelpWidth = 116, synopsisHeading = "", customSynopsis = {
      "Usage: ./submit.sh [spark-submit options] [--config FILE] [--out DIR] [--set KEY=VALUE ...]",
      "                   [--overwrite | --resume] [--break-lock] [--verbose] [--spark-logs] [--help] [--version]",
      "   or: spark-submit [spark-submit options] --class nnsweep.Main target/nnsweep.jar [the same job options]"},
      description = "Trains every network of a study on Spark and writes comparison reports.",
      footer = {"",
          "submit.sh's own option (not the job's):",
          "      --spark-logs         keep Spark's INFO logging (default: warnings only, conf/log4j2.properties)",
          "",
          "spark-submit options go first and pass through to spark-submit unchanged, e.g.:",
          "      --master URL         local[*] (default), local[N], local[N,F], local-cluster[N,C,M], spark://HOST:PORT,",
          "                           yarn, k8s://HOST:PORT; checked before anything is written",
          "      --deploy-mode MODE   client (default) or cluster",
          "      --conf KEY=VALUE     a Spark setting, e.g. spark.nnsweep.executorWaitSeconds=120",
          "      --driver-memory MEM, --executor-memory MEM, --executor-cores N, --num-executors N,",
          "      --total-executor-cores N, --supervise, --name, --jars, --files, --queue, --properties-file, ...",
          "",
          "Exit status: 0 done, 2 bad input (nothing written), 1 a failure (e.g. an unreachable master), 130/143",
          "interrupted. Docs: README.md and docs/."})
  static final class Spec {
    @Option(names = "--config", paramLabel = "FILE", description = "study file (default: ${DEFAULT-VALUE})")
    String config = "conf/tutorial.conf";

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: out/<study name>)")
    String out;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
        description = "override a study key, e.g. --set learning-rates=[0.1] (repeatable); quote a value with spaces:"
            + " --set 'seeds={ from = 0, count = 100 }'")
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

    @Option(names = "--version", versionHelp = true, description = "print nnsweep's version")
    boolean version;
  }
}
