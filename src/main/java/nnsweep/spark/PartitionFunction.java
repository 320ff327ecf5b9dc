package nnsweep.spark;

import java.io.Serializable;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction1;

/**
 * A partition function ({@link FlatMapFunction}) handed to Spark as a named Scala function, so that Spark's closure
 * cleaner passes it by: {@code JavaRDD.mapPartitions} wraps it in a Scala lambda, whose class files the cleaner reads
 * and walks with ASM at every job, on the driver, while the first tasks start (in local mode, on their cores).
 */
final class PartitionFunction<T, U> extends AbstractFunction1<scala.collection.Iterator<T>,
    scala.collection.Iterator<U>> implements Serializable {
  private static final long serialVersionUID = 1L;
  private final FlatMapFunction<java.util.Iterator<T>, U> f;

  private PartitionFunction(FlatMapFunction<java.util.Iterator<T>, U> f) {
    this.f = f;
  }

  /** {@code rdd.mapPartitions(f)}, without the closure cleaner's walk. */
  static <T, U> JavaRDD<U> mapPartitions(JavaRDD<T> rdd, FlatMapFunction<java.util.Iterator<T>, U> f,
      Class<U> type) {
    return JavaRDD.fromRDD(rdd.rdd().mapPartitions(new PartitionFunction<>(f), false, ClassTag$.MODULE$.apply(type)),
        ClassTag$.MODULE$.apply(type));
  }

  @Override
  public scala.collection.Iterator<U> apply(scala.collection.Iterator<T> it) {
    try {
      return CollectionConverters.asScala(f.call(CollectionConverters.asJava(it)));
    } catch (Exception e) {
      throw PartitionFunction.<RuntimeException>unchecked(e);
    }
  }

  /** Rethrows {@code e} as it is (Scala's functions declare no checked exceptions; Spark reports the original). */
  @SuppressWarnings("unchecked")
  private static <E extends Exception> E unchecked(Exception e) throws E {
    throw (E) e;
  }
}
