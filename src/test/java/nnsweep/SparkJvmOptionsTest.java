package nnsweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;

/**
 * submit.sh starts the driver JVM itself when no Spark is installed; it must give it the options Spark's launcher
 * gives every Spark JVM (module opens that Kryo and Netty need), exactly as this Spark version lists them.
 */
class SparkJvmOptionsTest {
  @Test
  void submitScriptGivesTheDriverSparksOwnJvmOptions() throws IOException {
    String script = Files.readString(Path.of("submit.sh"));
    Matcher m = Pattern.compile("spark_jvm_opts=\\(([^)]*)\\)").matcher(script);
    assertTrue(m.find(), "submit.sh defines spark_jvm_opts");
    List<String> inScript = Arrays.asList(m.group(1).trim().split("\\s+"));
    List<String> spark = Arrays.asList(JavaModuleOptions.defaultModuleOptions().trim().split("\\s+"));
    assertEquals(spark, inScript);
    // client mode execs it, cluster deploy mode runs it and then reports the driver's status
    assertTrue(script.contains("java \"${spark_jvm_opts[@]}\""), "and uses them");
  }
}
