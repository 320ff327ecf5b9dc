package nnsweep;

import java.util.LinkedHashMap;
import java.util.Map;

/** The run's stages timed one after the other, for {@code run.json}'s {@code stage-seconds}. */
final class Stages {
  private final Map<String, Double> seconds = new LinkedHashMap<>();
  private long start = System.nanoTime();

  /** Ends stage {@code name} (begun when the previous one ended) and returns its wall time in seconds. */
  double end(String name) {
    long now = System.nanoTime();
    double elapsed = (now - start) / 1e9;
    seconds.put(name, Math.round(elapsed * 1000) / 1000.0);
    start = now;
    return elapsed;
  }

  /** Each stage's seconds, rounded to milliseconds, in the order they ran. */
  Map<String, Double> seconds() {
    return seconds;
  }
}
