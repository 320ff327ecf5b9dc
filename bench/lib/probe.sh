# Sourced by the benchmarks that run the job and nnsweep.bench.ShapeProbe side by side (bench/real.sh,
# bench/sweep-shapes.sh), from the project root: builds what they need, and gives the probe's JVMs the same native
# BLAS as ./submit.sh gives the job (src/main/sh/native-blas.sh), so both sides run on the same BLAS.
if [[ ! -f target/nnsweep.jar || ! -f target/classpath.txt ]]; then
  mvn -B -q -DskipTests package
fi
if [[ ! -f target/test-classes/nnsweep/bench/ShapeProbe.class ]]; then
  mvn -B -q -DskipTests test-compile
fi
source src/main/sh/native-blas.sh
native_blas_setup "$PWD"
