package nnsweep.model;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nnsweep.nn.Weights;

/**
 * A {@link SavedModel} as an ONNX model (opset {@value #OPSET}, IR version {@value #IR_VERSION}): one float64 input
 * {@code x} (rows x inputs, raw values) and one float64 output {@code y} (rows x outputs), computed as
 * {@code Sigmoid(MatMul(Sigmoid(MatMul(Div(Sub(x, center), scale), Wh) + bh), Wo) + bo)} with standard operators
 * (without a hidden layer the inner layer is absent, without bias the Adds are).
 *
 * <p>There is no ONNX builder for Java on Maven Central, and the file is a handful of protobuf messages, so they are
 * encoded here by hand (varints and length-delimited fields, the protobuf wire format). Field numbers from onnx.proto
 * (github.com/onnx/onnx, onnx/onnx.proto): ModelProto ir_version 1, producer_name 2, producer_version 3,
 * graph 7, opset_import 8; OperatorSetIdProto domain 1, version 2; GraphProto node 1, name 2, initializer 5, input
 * 11, output 12; NodeProto input 1, output 2, name 3, op_type 4; TensorProto dims 1, data_type 2, name 8, raw_data 9
 * (little-endian); ValueInfoProto name 1, type 2; TypeProto tensor_type 1; TypeProto.Tensor elem_type 1, shape 2;
 * TensorShapeProto dim 1; Dimension dim_value 1, dim_param 2; TensorProto.DataType DOUBLE = 11.
 */
public final class Onnx {
  /** The operator set: Sub, Div, MatMul, Add and Sigmoid as onnxruntime runs them. */
  public static final int OPSET = 17;
  /** The IR version that goes with opset 17 (ONNX 1.12). */
  public static final int IR_VERSION = 8;
  private static final int DOUBLE = 11;

  private Onnx() {}

  /** The model's ONNX encoding. */
  public static byte[] write(SavedModel m) {
    Weights w = m.weights();
    List<byte[]> nodes = new ArrayList<>();
    List<byte[]> initializers = new ArrayList<>();
    int in = m.inputs().size();
    initializers.add(tensor("center", new long[] {in}, m.center()));
    initializers.add(tensor("scale", new long[] {in}, m.scale()));
    nodes.add(node("sub", "Sub", "centered", "x", "center"));
    nodes.add(node("div", "Div", "scaled", "centered", "scale"));
    String layerInput = "scaled";
    if (m.hasHidden()) {
      layerInput = layer(nodes, initializers, "hidden", layerInput, w.hidden(), w.bias() ? w.hiddenBias() : null,
          "hidden_out");
    }
    layer(nodes, initializers, "output", layerInput, w.output(), w.bias() ? w.outputBias() : null, "y");

    Proto graph = new Proto();
    nodes.forEach(n -> graph.bytes(1, n));
    graph.string(2, "nnsweep_network_" + m.networkId());
    initializers.forEach(t -> graph.bytes(5, t));
    graph.bytes(11, valueInfo("x", in));
    graph.bytes(12, valueInfo("y", m.outputs().size()));

    Proto opset = new Proto();
    opset.string(1, "");
    opset.varint(2, OPSET);

    Proto model = new Proto();
    model.varint(1, IR_VERSION);
    model.string(2, "nnsweep");
    model.string(3, m.version());
    model.bytes(7, graph.toBytes());
    model.bytes(8, opset.toBytes());
    return model.toBytes();
  }

  /** MatMul, Add (with bias) and Sigmoid of one layer; returns its output's name. */
  private static String layer(List<byte[]> nodes, List<byte[]> initializers, String name, String input,
      double[][] weights, double[] bias, String output) {
    int rows = weights.length;
    int cols = weights[0].length;
    double[] flat = new double[rows * cols];
    for (int i = 0; i < rows; i++) {
      System.arraycopy(weights[i], 0, flat, i * cols, cols); // row-major, as ONNX stores tensors
    }
    initializers.add(tensor(name + "_weights", new long[] {rows, cols}, flat));
    nodes.add(node(name + "_matmul", "MatMul", name + "_z", input, name + "_weights"));
    String z = name + "_z";
    if (bias != null) {
      initializers.add(tensor(name + "_bias", new long[] {cols}, bias));
      nodes.add(node(name + "_add", "Add", name + "_zb", z, name + "_bias"));
      z = name + "_zb";
    }
    nodes.add(node(name + "_sigmoid", "Sigmoid", output, z));
    return output;
  }

  private static byte[] node(String name, String op, String output, String... inputs) {
    Proto n = new Proto();
    for (String i : inputs) {
      n.string(1, i);
    }
    n.string(2, output);
    n.string(3, name);
    n.string(4, op);
    return n.toBytes();
  }

  private static byte[] tensor(String name, long[] dims, double[] values) {
    Proto t = new Proto();
    for (long d : dims) {
      t.varint(1, d);
    }
    t.varint(2, DOUBLE);
    t.string(8, name);
    ByteBuffer raw = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (double v : values) {
      raw.putDouble(v);
    }
    t.bytes(9, raw.array());
    return t.toBytes();
  }

  /** A float64 tensor of shape [rows, width], rows left symbolic. */
  private static byte[] valueInfo(String name, int width) {
    Proto rows = new Proto();
    rows.string(2, "rows");
    Proto cols = new Proto();
    cols.varint(1, width);
    Proto shape = new Proto();
    shape.bytes(1, rows.toBytes());
    shape.bytes(1, cols.toBytes());
    Proto tensor = new Proto();
    tensor.varint(1, DOUBLE);
    tensor.bytes(2, shape.toBytes());
    Proto type = new Proto();
    type.bytes(1, tensor.toBytes());
    Proto info = new Proto();
    info.string(1, name);
    info.bytes(2, type.toBytes());
    return info.toBytes();
  }

  /** One protobuf message being written: varint (wire type 0) and length-delimited (wire type 2) fields. */
  private static final class Proto {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    void varint(int field, long value) {
      raw((long) field << 3);
      raw(value);
    }

    void bytes(int field, byte[] value) {
      raw((long) field << 3 | 2);
      raw(value.length);
      out.writeBytes(value);
    }

    void string(int field, String value) {
      bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    private void raw(long v) {
      while ((v & ~0x7FL) != 0) {
        out.write((int) (v & 0x7F) | 0x80);
        v >>>= 7;
      }
      out.write((int) v);
    }

    byte[] toBytes() {
      return out.toByteArray();
    }
  }
}
