package nnsweep.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import nnsweep.study.Study;

/**
 * {@code run.json}: the resolved study and the run's provenance (Jackson, which every Spark runtime carries). Every
 * key is kebab-case ({@code study-file}, {@code stage-seconds}), as in the study file; keys that are values (stage
 * names, kernel names) are as they are named elsewhere.
 */
public final class RunJson {
  private RunJson() {}

  /** Writes run.json atomically. */
  public static void write(Path file, Study study, RunInfo info) {
    // one key style throughout: kebab-case, as the study file's own keys (learning-rates, curve-points)
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE);
    ObjectNode root = mapper.createObjectNode();
    try {
      root.set("study", mapper.readTree(study.canonical()));
      root.put("study-file", study.source());
      root.set("run", mapper.valueToTree(info));
      String json = mapper.writeValueAsString(root) + "\n";
      CsvFiles.writeAtomically(file, w -> w.write(json));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write run.json: " + e.getMessage(), e);
    }
  }
}
