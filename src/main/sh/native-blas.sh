# Native BLAS for nnsweep's JVMs, sourced by submit.sh and the benchmarks (bench/lib/probe.sh): the matrix-product
# kernel runs about twice as fast on OpenBLAS as on netlib's Java fallback (docs/how-it-works.md, "BLAS"). Without
# a system libblas.so.3, Debian's OpenBLAS is fetched once into target/native (apt-get download: no root, nothing
# installed system-wide) and put on LD_LIBRARY_PATH. NNSWEEP_NATIVE_BLAS=0 keeps the Java BLAS.

# native_blas_setup ROOT: sets native_blas to the fetched libblas.so.3 (empty when the system has one, when
# NNSWEEP_NATIVE_BLAS=0, or when it cannot be fetched, which is said in one line) and exports LD_LIBRARY_PATH.
native_blas_setup() {
  local root="$1" debs deb
  native_blas=""
  if [[ "${NNSWEEP_NATIVE_BLAS:-1}" == 0 ]] || ldconfig -p 2>/dev/null | grep -q 'libblas\.so\.3 '; then
    return 0
  fi
  native_blas="$(find "$root/target/native" -name libblas.so.3 -path '*openblas*' -print -quit 2>/dev/null || true)"
  if [[ -z "$native_blas" ]] && command -v apt-get >/dev/null 2>&1 && command -v dpkg-deb >/dev/null 2>&1; then
    debs="$(mktemp -d)"
    if (cd "$debs" && timeout 120 apt-get download -q libopenblas0-pthread libgfortran5 >/dev/null 2>&1); then
      mkdir -p "$root/target/native"
      for deb in "$debs"/*.deb; do dpkg-deb -x "$deb" "$root/target/native"; done
      native_blas="$(find "$root/target/native" -name libblas.so.3 -path '*openblas*' -print -quit 2>/dev/null || true)"
    fi
    rm -rf "$debs"
  fi
  if [[ -n "$native_blas" ]]; then
    local fortran
    fortran="$(find "$root/target/native" -name 'libgfortran.so.5' -print -quit 2>/dev/null || true)"
    export LD_LIBRARY_PATH="$(dirname "$native_blas")${fortran:+:$(dirname "$fortran")}${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
    native_blas_coretype
  else
    echo "nnsweep: no native BLAS (libblas.so.3) found or fetched: the matrix-product kernel uses netlib's Java BLAS" \
      "(install libopenblas0-pthread for about twice the speed on wide networks)" >&2
  fi
}

# native_blas_coretype: the fetched OpenBLAS's kernels, by the CPU's widest SIMD: SkylakeX with AVX-512 (Intel
# Skylake-SP and later, AMD Zen 4 and 5), Haswell with AVX2 and FMA, OpenBLAS's own detection otherwise. Exported as
# OPENBLAS_CORETYPE, replacing one the environment may set (some machine images force Haswell everywhere: on an
# AVX-512 machine its small products run at two thirds of the speed and two threads of one JVM do not scale, see
# docs/benchmarks.md, "OpenBLAS's core type"). By flags rather than by OpenBLAS's model detection, so that every
# AVX-512 machine, Intel or AMD, runs the same kernels and gives the same bits. NNSWEEP_OPENBLAS_CORETYPE=NAME picks
# one (an OpenBLAS name), =keep leaves the environment's.
native_blas_coretype() {
  local choice="${NNSWEEP_OPENBLAS_CORETYPE:-auto}" flags
  if [[ "$choice" == keep ]]; then
    return 0
  fi
  if [[ "$choice" != auto ]]; then
    export OPENBLAS_CORETYPE="$choice"
    return 0
  fi
  flags=" $(grep -m 1 '^flags' /proc/cpuinfo 2>/dev/null | cut -d: -f2) "
  if [[ "$flags" == *" avx512f "* && "$flags" == *" avx512dq "* && "$flags" == *" avx512bw "* \
    && "$flags" == *" avx512vl "* ]]; then
    export OPENBLAS_CORETYPE=SkylakeX
  elif [[ "$flags" == *" avx2 "* && "$flags" == *" fma "* ]]; then
    export OPENBLAS_CORETYPE=Haswell
  else
    unset OPENBLAS_CORETYPE
  fi
}
