package nnsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nnsweep.errors.InputException;
import nnsweep.errors.ServiceException;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** The job's Spark settings: which masters run tasks in the driver's JVM, and the warm-up budget. */
class SparkContextsTest {

  @Test
  void localMastersRunTasksInTheDriver() {
    for (String master : new String[] {"local", "local[1]", "local[2]", "local[*]", "local[4,2]"}) {
      assertTrue(SparkContexts.isLocal(new SparkConf(false).set("spark.master", master)), master);
    }
    for (String master : new String[] {"local-cluster[2,1,1024]", "spark://127.0.0.1:7077", "yarn",
        "k8s://https://api:6443"}) {
      assertFalse(SparkContexts.isLocal(new SparkConf(false).set("spark.master", master)), master);
    }
    assertTrue(SparkContexts.isLocal(new SparkConf(false)), "no master: the job's default, local[*]");
  }

  @Test
  void warmupBudget() {
    assertEquals(3000, SparkContexts.warmupMillis(new SparkConf(false)));
    assertEquals(0, SparkContexts.warmupMillis(new SparkConf(false).set(SparkContexts.WARMUP_MILLIS, "0")));
    assertEquals(250, SparkContexts.warmupMillis(new SparkConf(false).set(SparkContexts.WARMUP_MILLIS, " 250 ")));
    for (String bad : new String[] {"-1", "1.5", "soon", ""}) {
      InputException e = assertThrows(InputException.class,
          () -> SparkContexts.warmupMillis(new SparkConf(false).set(SparkContexts.WARMUP_MILLIS, bad)));
      assertEquals("spark conf spark.nnsweep.warmupMillis: not a whole number of milliseconds >= 0, found '"
          + bad.trim() + "', expected e.g. 3000 (0 turns the warm-up off)", e.getMessage());
    }
  }

  @Test
  void theExecutorWaitEndsWithOneLineNamingTheMaster() {
    java.util.concurrent.atomic.AtomicInteger polls = new java.util.concurrent.atomic.AtomicInteger();
    ServiceException e = assertThrows(ServiceException.class, () -> SparkContexts.awaitExecutors(
        () -> { polls.incrementAndGet(); return 0; }, 300, 10, "spark://127.0.0.1:7077"));
    assertEquals("--master spark://127.0.0.1:7077: the cluster granted no executor within 0.3 s"
        + " (spark.nnsweep.executorWaitSeconds), expected at least one (are workers up, with the free cores and"
        + " memory that --executor-cores and --executor-memory ask for?)", e.getMessage());
    assertTrue(polls.get() >= 2, "polled " + polls.get() + " times");
    // an executor that registers during the wait ends it
    java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
    SparkContexts.awaitExecutors(() -> count.incrementAndGet() >= 3 ? 1 : 0, 60_000, 1, "spark://h:1");
    assertEquals(3, count.get());
  }

  @Test
  void executorWaitSetting() {
    assertEquals(120, SparkContexts.executorWaitSeconds(new SparkConf(false)));
    assertEquals(0, SparkContexts.executorWaitSeconds(new SparkConf(false)
        .set(SparkContexts.EXECUTOR_WAIT_SECONDS, "0")));
    InputException e = assertThrows(InputException.class, () -> SparkContexts.executorWaitSeconds(
        new SparkConf(false).set(SparkContexts.EXECUTOR_WAIT_SECONDS, "2m")));
    assertEquals("spark conf spark.nnsweep.executorWaitSeconds: not a whole number of seconds >= 0, found '2m',"
        + " expected e.g. 120 (0 waits for ever)", e.getMessage());
  }
}
