package nnsweep.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import nnsweep.Main;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the whole job in the test's JVM, as spark-submit would, on {@code local[2]}: register with
 * {@code @ExtendWith(InProcessJob.class)} (sets {@code spark.master} for the class) and call {@link #run}.
 */
public final class InProcessJob implements BeforeAllCallback, AfterAllCallback {

  /** What a run returned and printed. */
  public record Run(int status, String out, String err) {}

  /** {@code Main.run(args)} with its output captured. */
  public static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** {@link #run(String...)} of study file {@code config}: {@code --config config} and then {@code args}. */
  public static Run run(Path config, String... args) {
    return run(Stream.concat(Stream.of("--config", config.toString()), Stream.of(args)).toArray(String[]::new));
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    // SparkConf reads spark.* system properties: what spark-submit's --master would set
    System.setProperty("spark.master", "local[2]");
  }

  @Override
  public void afterAll(ExtensionContext context) {
    System.clearProperty("spark.master");
  }
}
