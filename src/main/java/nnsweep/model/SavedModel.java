package nnsweep.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nnsweep.data.Scaling;
import nnsweep.nn.Model;
import nnsweep.nn.Network;
import nnsweep.nn.Weights;
import nnsweep.run.Problem;
import nnsweep.run.TrainingResult;

/**
 * A trained network as {@code models/} saves it: the input and target column names, the input scaling as
 * {@code (x - center) / scale} per input, the weights in the tutorial's layout (rows = inputs), and what the network
 * is (settings) and how it did (metrics). The JSON ({@link ModelJson}) and ONNX ({@link Onnx}) files are two
 * encodings of this record; {@link #outputs} is nnsweep's own forward pass over raw (unscaled) rows.
 *
 * @param oneHot the training targets were one-hot class labels: the label of a row is its argmax
 * @param weights the weights after the last update (those {@code final_error} is measured on)
 * @param center per input, the value subtracted (the scaling's shift; 0 without scaling)
 * @param scale per input, the divisor (1 without scaling); a column constant on the training rows, which the
 *     study's scaling maps to 0 whatever its value, has {@link Double#MAX_VALUE}: it maps any other value to within
 *     1e-300 of 0 (and the constant itself to exactly 0)
 * @param settings the network's axes: dataset, model, hidden, learning_rate, epochs, bias, seed, init, fold
 * @param metrics final_error, test_error, accuracy, class_accuracy, test_accuracy, test_class_accuracy, epochs_run,
 *     diverged, score (NaN values are absent from the JSON's metrics), and best_epoch (the update count of the kept
 *     weights) for an early-stopped network only
 */
public record SavedModel(
    String study,
    String version,
    long networkId,
    List<String> inputs,
    List<String> outputs,
    boolean oneHot,
    double[] center,
    double[] scale,
    Weights weights,
    Map<String, Object> settings,
    Map<String, Object> metrics) implements java.io.Serializable {

  /** The format name every model file carries, so a foreign JSON file is told from a damaged one. */
  public static final String FORMAT = "nnsweep-model";

  public SavedModel {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    center = center.clone();
    scale = scale.clone();
    settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    if (weights.inputs() != inputs.size()) {
      throw new IllegalArgumentException("weights must have " + inputs.size() + " inputs (one per input name), found "
          + weights.inputs());
    }
    if (weights.outputs() != outputs.size()) {
      throw new IllegalArgumentException("weights must have " + outputs.size()
          + " outputs (one per output name), found " + weights.outputs());
    }
    if (center.length != inputs.size() || scale.length != inputs.size()) {
      throw new IllegalArgumentException("scaling must have " + inputs.size() + " values, found center "
          + center.length + " and scale " + scale.length);
    }
    for (double s : scale) {
      if (!(s > 0) || !Double.isFinite(s)) {
        throw new IllegalArgumentException("scale values must be > 0 and finite, found " + s);
      }
    }
  }

  /**
   * The saved form of a trained network (its result must carry its final weights) on the problem it trained on
   * (the fold's problem for a k-fold study).
   */
  public static SavedModel of(TrainingResult r, Problem problem, String study, String version) {
    if (r.finalWeights() == null) {
      throw new IllegalArgumentException("network " + r.spec().id() + " has no final weights");
    }
    Scaling.Fit fit = problem.scaling();
    int n = fit.shift().length;
    double[] scale = new double[n];
    for (int j = 0; j < n; j++) {
      double f = fit.factor()[j];
      scale[j] = f == 0.0 ? Double.MAX_VALUE : f == 1.0 ? 1.0 : 1.0 / f;
    }
    var s = r.spec();
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("dataset", s.dataset());
    settings.put("model", s.model().configName());
    settings.put("hidden", (long) s.hidden());
    settings.put("learning_rate", s.learningRate());
    settings.put("epochs", (long) s.epochs());
    settings.put("bias", s.bias());
    settings.put("seed", s.seed());
    settings.put("init", s.init().label());
    settings.put("fold", (long) s.fold());
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("final_error", r.finalError());
    metrics.put("test_error", r.testError());
    metrics.put("accuracy", r.accuracy());
    metrics.put("class_accuracy", r.classAccuracy());
    metrics.put("test_accuracy", r.testAccuracy());
    metrics.put("test_class_accuracy", r.testClassAccuracy());
    metrics.put("epochs_run", (long) r.epochsRun());
    metrics.put("diverged", r.diverged());
    metrics.put("score", r.score());
    if (r.bestEpoch() >= 0) {
      metrics.put("best_epoch", (long) r.bestEpoch());
    }
    return new SavedModel(study, version, s.id(), problem.dataset().inputNames(), problem.dataset().targetNames(),
        problem.oneHot(), fit.shift(), scale, r.finalWeights(), settings, metrics);
  }

  /** The raw rows scaled as the network's inputs: (x - center) / scale. */
  public double[][] scaled(double[][] raw) {
    double[][] out = new double[raw.length][];
    for (int i = 0; i < raw.length; i++) {
      if (raw[i].length != center.length) {
        throw new IllegalArgumentException("row must have " + center.length + " values, found " + raw[i].length);
      }
      out[i] = new double[center.length];
      for (int j = 0; j < center.length; j++) {
        out[i][j] = (raw[i][j] - center[j]) / scale[j];
      }
    }
    return out;
  }

  /** The network's outputs for raw (unscaled) rows: nnsweep's forward pass ({@link Network#outputs}). */
  public double[][] outputs(double[][] raw) {
    return new Network(weights).outputs(scaled(raw));
  }

  /** Whether the network has a hidden layer. */
  public boolean hasHidden() {
    return weights.model() == Model.HIDDEN;
  }

  /**
   * The label of one row of outputs: the argmax for a one-hot model (several outputs whose training targets were
   * one-hot), 0/1 at 0.5 for one output, per-output 0/1 joined by {@code ;} otherwise.
   */
  public String label(double[] out) {
    if (out.length == 1) {
      return out[0] >= 0.5 ? "1" : "0";
    }
    if (oneHot) {
      int best = 0;
      for (int k = 1; k < out.length; k++) {
        if (out[k] > out[best]) {
          best = k;
        }
      }
      return Integer.toString(best);
    }
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < out.length; k++) {
      b.append(k == 0 ? "" : ";").append(out[k] >= 0.5 ? '1' : '0');
    }
    return b.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SavedModel m && study.equals(m.study) && version.equals(m.version)
        && networkId == m.networkId && inputs.equals(m.inputs) && outputs.equals(m.outputs) && oneHot == m.oneHot
        && Arrays.equals(center, m.center) && Arrays.equals(scale, m.scale) && weights.equals(m.weights)
        && settings.equals(m.settings) && metrics.equals(m.metrics);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(networkId) * 31 + inputs.hashCode();
  }

  @Override
  public String toString() {
    return "SavedModel[network " + networkId + " of " + study + ", " + weights.shape() + "]";
  }
}
