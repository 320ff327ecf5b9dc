package nnsweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nnsweep.study.Study;
import nnsweep.study.StudyLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run.json's keys: one style, kebab-case, as the study file's own keys. */
class RunJsonTest {
  @TempDir Path dir;

  @Test
  void everyKeyIsKebabCase() throws Exception {
    Study study = StudyLoader.load(Path.of("conf/tutorial.conf"), List.of());
    Map<String, Double> stages = new LinkedHashMap<>();
    stages.put("load", 0.5);
    stages.put("spark-start", 4.0);
    RunInfo info = new RunInfo(List.of("--config", "conf/tutorial.conf"), "0.1.0", "4.2.0", "17", "local[2]", 2, 8,
        0, 200, 200, 0, Map.of("LOCKSTEP", 200L), List.of("VectorBLAS"), "start", "end", stages);
    Path file = dir.resolve("run.json");
    RunJson.write(file, study, info);
    JsonNode root = new ObjectMapper().readTree(Files.readString(file));

    assertEquals(List.of("study", "study-file", "run"), names(root));
    assertEquals(List.of("command-line", "nnsweep-version", "spark-version", "java-version", "master",
        "default-parallelism", "partitions", "executors", "networks", "trained", "resumed", "kernels", "blas",
        "started", "finished", "stage-seconds"), names(root.get("run")));
    assertEquals(4.0, root.get("run").get("stage-seconds").get("spark-start").asDouble());
    List<String> keys = new ArrayList<>();
    collect(root.get("study"), keys);
    assertTrue(keys.contains("learning-rates"), keys.toString());
    for (String key : keys) {
      assertTrue(key.matches("[a-z0-9]+(-[a-z0-9]+)*"), "not kebab-case: " + key);
    }
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static void collect(JsonNode node, List<String> keys) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> {
        keys.add(e.getKey());
        collect(e.getValue(), keys);
      });
    } else if (node.isArray()) {
      node.forEach(n -> collect(n, keys));
    }
  }
}
