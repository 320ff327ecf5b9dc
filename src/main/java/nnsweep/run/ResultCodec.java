package nnsweep.run;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nnsweep.grid.Grid;
import nnsweep.grid.NetworkSpec;
import nnsweep.nn.Shape;
import nnsweep.nn.TrainingOptions;
import nnsweep.nn.TrainingOutcome;
import nnsweep.nn.Weights;

/**
 * The compact form of a block of results with consecutive network ids: what a task sends to the driver and what the
 * driver commits to disk, instead of a Java-serialised {@code TrainingResult[]} (about 340 bytes and several
 * microseconds per network each way, more than training a 2-2-1 network costs).
 *
 * <p>Only what cannot be recomputed from the grid is stored: the spec, the curve epochs and the shapes of weights and
 * predictions are decoded from the network id. Per network: nine doubles (final error, error before the last
 * update, mse, accuracy, test error, test accuracy, class accuracy, test class accuracy, train ms), diverged, epochs
 * run, epochs to target, the plateau label, then the final weights (only when the block keeps them), the predictions
 * at the dataset's queries and the curve. Doubles are stored as their bits, so a decoded result equals the trained one.
 * A block with a network measured on validation rows is of version 3: after the results, three doubles per network
 * (validation error, accuracy and class accuracy); a block without any is version 2, byte for byte as before. A block
 * with an early-stopped network ({@link TrainingResult#bestEpoch} >= 0) is of version 4: version 3 followed by one int
 * per network, its best epoch.
 */
public final class ResultCodec {
  /** The block format's magic number and version: "NNR2" (version 2 added the two class accuracies). */
  private static final int MAGIC = 0x4E4E5232; // "NNR2"
  /** Version 3: version 2 followed by each network's validation metrics. */
  private static final int MAGIC_VALIDATED = 0x4E4E5233; // "NNR3"
  /** Version 4: version 3 followed by each network's best epoch (validation-based early stopping). */
  private static final int MAGIC_STOPPED = 0x4E4E5234; // "NNR4"

  private ResultCodec() {}

  /** Encodes results with ids {@code from}, {@code from + 1}, ... */
  public static final class Writer {
    private final ByteArrayOutputStream bytes;
    private final DataOutputStream out;
    private final boolean weights;
    private int count;
    /** Each network's validation metrics, appended after the results when any network has them. */
    private final ByteArrayOutputStream validationBytes = new ByteArrayOutputStream();
    private final DataOutputStream validation = new DataOutputStream(validationBytes);
    private boolean validated;
    /** Each network's best epoch, appended after the validation metrics when any network was early-stopped. */
    private final ByteArrayOutputStream bestEpochBytes = new ByteArrayOutputStream();
    private final DataOutputStream bestEpochs = new DataOutputStream(bestEpochBytes);
    private boolean stopped;

    /**
     * @param weights keep the final weights (the driver prints them only for a handful of networks)
     * @param expected expected number of results, to size the buffer
     */
    public Writer(long from, boolean weights, int expected) {
      this.bytes = new ByteArrayOutputStream(64 + expected * 80);
      this.out = new DataOutputStream(bytes);
      this.weights = weights;
      try {
        out.writeInt(MAGIC);
        out.writeLong(from);
        out.writeBoolean(weights);
        out.writeInt(0); // the count, patched in toBytes()
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Appends the next result (its id must follow the previous one's). */
    public void add(TrainingResult r) {
      try {
        out.writeDouble(r.finalError());
        out.writeDouble(r.errorBeforeLastUpdate());
        out.writeDouble(r.mse());
        out.writeDouble(r.accuracy());
        out.writeDouble(r.testError());
        out.writeDouble(r.testAccuracy());
        out.writeDouble(r.classAccuracy());
        out.writeDouble(r.testClassAccuracy());
        out.writeDouble(r.trainMs());
        out.writeBoolean(r.diverged());
        out.writeInt(r.epochsRun());
        out.writeInt(r.epochsToTarget());
        out.writeUTF(r.plateau());
        if (weights) {
          Weights w = r.finalWeights();
          for (double[] row : w.hidden()) {
            writeAll(row);
          }
          writeAll(w.hiddenBias());
          for (double[] row : w.output()) {
            writeAll(row);
          }
          writeAll(w.outputBias());
        }
        for (double[] row : r.predictions()) {
          writeAll(row);
        }
        writeAll(r.curve());
        validated |= r.validated();
        validation.writeDouble(r.validationError());
        validation.writeDouble(r.validationAccuracy());
        validation.writeDouble(r.validationClassAccuracy());
        stopped |= r.bestEpoch() >= 0;
        bestEpochs.writeInt(r.bestEpoch());
        count++;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void writeAll(double[] values) throws IOException {
      for (double v : values) {
        out.writeDouble(v);
      }
    }

    /** The encoded block: header, count, then the results. */
    public byte[] toBytes() {
      try {
        if (validated || stopped) {
          validation.flush();
          validationBytes.writeTo(out);
        }
        if (stopped) {
          bestEpochs.flush();
          bestEpochBytes.writeTo(out);
        }
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      byte[] b = bytes.toByteArray();
      if (stopped) {
        b[3] = (byte) MAGIC_STOPPED;
      } else if (validated) {
        b[3] = (byte) MAGIC_VALIDATED;
      }
      b[13] = (byte) (count >>> 24);
      b[14] = (byte) (count >>> 16);
      b[15] = (byte) (count >>> 8);
      b[16] = (byte) count;
      return b;
    }
  }

  /** Encodes {@code results} (consecutive ids, ascending). */
  public static byte[] encode(TrainingResult[] results, boolean weights) {
    Writer w = new Writer(results.length == 0 ? 0 : results[0].spec().id(), weights, results.length);
    for (int i = 0; i < results.length; i++) {
      if (results[i].spec().id() != results[0].spec().id() + i) {
        throw new IllegalArgumentException("results must have consecutive ids, found " + results[i].spec().id()
            + " at position " + i + " after " + results[0].spec().id());
      }
      w.add(results[i]);
    }
    return w.toBytes();
  }

  /** The first id of an encoded block. */
  public static long from(byte[] block) {
    return header(block).from;
  }

  /** The number of results in an encoded block. */
  public static int count(byte[] block) {
    return header(block).count;
  }

  private record Header(long from, boolean weights, int count, boolean validated, boolean stopped) {}

  private static Header header(byte[] block) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(block, 0, Math.min(block.length, 17)))) {
      int magic = in.readInt();
      if (magic != MAGIC && magic != MAGIC_VALIDATED && magic != MAGIC_STOPPED) {
        throw new IllegalArgumentException((magic & 0xFFFFFF00) == (MAGIC & 0xFFFFFF00)
            ? "a result block of format version " + (char) (magic & 0xFF) + " (another nnsweep build), expected"
                + " version " + (char) (MAGIC & 0xFF)
            : "not an encoded result block");
      }
      return new Header(in.readLong(), in.readBoolean(), in.readInt(), magic != MAGIC, magic == MAGIC_STOPPED);
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated result block: " + e.getMessage(), e);
    }
  }

  /** Decodes a block back into results, the specs decoded from {@code grid}. */
  public static List<TrainingResult> decode(byte[] block, Grid grid, List<Problem> problems) {
    Header h = header(block);
    List<TrainingResult> results = new ArrayList<>(h.count);
    Map<String, String> labels = new HashMap<>();
    Map<Long, int[]> curveEpochsByEpochs = new HashMap<>();
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(block, 17, block.length - 17))) {
      for (int i = 0; i < h.count; i++) {
        NetworkSpec spec = grid.spec(h.from + i);
        double finalError = in.readDouble();
        double before = in.readDouble();
        double mse = in.readDouble();
        double accuracy = in.readDouble();
        double testError = in.readDouble();
        double testAccuracy = in.readDouble();
        double classAccuracy = in.readDouble();
        double testClassAccuracy = in.readDouble();
        double trainMs = in.readDouble();
        boolean diverged = in.readBoolean();
        int epochsRun = in.readInt();
        int epochsToTarget = in.readInt();
        String plateau = labels.computeIfAbsent(in.readUTF(), s -> s);
        Weights weights = null;
        if (h.weights) {
          Shape shape = spec.shape();
          double[][] hidden = readRows(in, shape.hasHidden() ? shape.inputs() : 0, shape.hidden());
          double[] hiddenBias = readAll(in, shape.hidden());
          double[][] output = readRows(in, shape.outputFanIn(), spec.outputs());
          double[] outputBias = readAll(in, spec.outputs());
          weights = new Weights(spec.model(), spec.bias(), hidden, hiddenBias, output, outputBias);
        }
        double[][] predictions = readRows(in, problems.get(spec.datasetIndex()).queries().length, spec.outputs());
        int points = grid.curvePoints(spec);
        int[] curveEpochs = curveEpochsByEpochs.computeIfAbsent(((long) spec.epochs() << 32) | points,
            k -> TrainingOptions.logSpacedEpochs(spec.epochs(), points));
        double[] curve = readAll(in, curveEpochs.length);
        results.add(new TrainingResult(spec,
            new TrainingOutcome(finalError, before, epochsRun, epochsToTarget, diverged, curve),
            new Evaluation(mse, accuracy, classAccuracy, testError, testAccuracy, testClassAccuracy, plateau),
            curveEpochs, trainMs, weights, predictions));
      }
      if (h.validated) {
        for (int i = 0; i < h.count; i++) {
          TrainingResult r = results.get(i);
          Evaluation e = r.evaluation();
          results.set(i, new TrainingResult(r.spec(), r.outcome(), new Evaluation(e.mse(), e.accuracy(),
              e.classAccuracy(), e.testError(), e.testAccuracy(), e.testClassAccuracy(), e.plateau(),
              in.readDouble(), in.readDouble(), in.readDouble()), r.curveEpochs(), r.trainMs(), r.finalWeights(),
              r.predictions()));
        }
      }
      if (h.stopped) {
        for (int i = 0; i < h.count; i++) {
          TrainingResult r = results.get(i);
          results.set(i, new TrainingResult(r.spec(), r.outcome(), r.evaluation(), r.curveEpochs(), r.trainMs(),
              r.finalWeights(), r.predictions(), in.readInt()));
        }
      }
      if (in.available() != 0) {
        throw new IllegalArgumentException("result block has " + in.available() + " bytes after its last result");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated result block: " + e.getMessage(), e);
    }
    return results;
  }

  private static double[][] readRows(DataInputStream in, int rows, int cols) throws IOException {
    double[][] m = new double[rows][];
    for (int r = 0; r < rows; r++) {
      m[r] = readAll(in, cols);
    }
    return m;
  }

  private static double[] readAll(DataInputStream in, int n) throws IOException {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = in.readDouble();
    }
    return v;
  }
}
