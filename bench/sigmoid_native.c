/*
 * The sigmoid's cost outside the JVM (docs/benchmarks.md, "Column sums in lanes, and what the JIT makes of the
 * sigmoid"): nanoseconds a value over 1,024 values, one thread, AVX-512.
 *   variant 0: SLEEF's exp (Sleef_expd8_u10avx512f, 1 ulp), then 1 / (1 + e)
 *   variant 1: nnsweep's FastSigmoid in AVX-512 intrinsics (clamp, range reduction, degree-13 Taylor by FMAs, 2^k from
 *              the exponent bits, the division): what the JVM's VectorSigmoid would cost compiled by gcc
 *   variant 2: the division alone
 * Build and run (Debian: apt-get install libsleef-dev; an AVX-512 machine):
 *   gcc -O3 -march=native -ffp-contract=off bench/sigmoid_native.c -o target/sigmoid_native -lsleef -lm
 *   for v in 0 1 2; do target/sigmoid_native $v; done
 */
#include <immintrin.h>
#include <sleef.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <math.h>
static double now() { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }
// variant 0: SLEEF exp u10 (1 ulp) + division; 1: our Taylor-13 in intrinsics with clamp (same ops as Java); 2: division only
static inline __m512d ours(__m512d z) {
  __m512d x = _mm512_sub_pd(_mm512_setzero_pd(), z);
  x = _mm512_max_pd(x, _mm512_set1_pd(-708.0)); x = _mm512_min_pd(x, _mm512_set1_pd(709.0));
  const __m512d ROUND = _mm512_set1_pd(0x1.8p52);
  __m512d t = _mm512_add_pd(_mm512_mul_pd(x, _mm512_set1_pd(1.4426950408889634)), ROUND);
  __m512d kd = _mm512_sub_pd(t, ROUND);
  __m512i biased = _mm512_sub_epi64(_mm512_castpd_si512(t), _mm512_set1_epi64(0x4338000000000000LL - 1023));
  __m512d r = _mm512_fmadd_pd(kd, _mm512_set1_pd(-6.93147180369123816490e-01), x);
  r = _mm512_fmadd_pd(kd, _mm512_set1_pd(-1.90821492927058770002e-10), r);
  static const double C[14] = {1.0, 1.0, 1.0/2, 1.0/6, 1.0/24, 1.0/120, 1.0/720, 1.0/5040, 1.0/40320, 1.0/362880, 1.0/3628800, 1.0/39916800, 1.0/479001600, 1.0/6227020800.0};
  __m512d p = _mm512_set1_pd(C[13]);
  for (int c = 12; c >= 0; c--) p = _mm512_fmadd_pd(p, r, _mm512_set1_pd(C[c]));
  __m512d e = _mm512_mul_pd(p, _mm512_castsi512_pd(_mm512_slli_epi64(biased, 52)));
  __m512d one = _mm512_set1_pd(1.0);
  return _mm512_div_pd(one, _mm512_add_pd(one, e));
}
int main(int argc, char **argv) {
  int v = atoi(argv[1]); int n = 1024;
  double *src = aligned_alloc(64, n * 8), *z = aligned_alloc(64, n * 8);
  srand(1); for (int i = 0; i < n; i++) src[i] = rand() / (double) RAND_MAX * 12 - 6;
  for (int round = 0; round < 5; round++) {
    long reps = 0; double t0 = now(), t1;
    do { for (int j = 0; j < 200; j++) { for (int i = 0; i < n; i++) z[i] = src[i];
        for (int i = 0; i < n; i += 8) { __m512d a = _mm512_add_pd(_mm512_load_pd(z + i), _mm512_set1_pd(0.25)); __m512d s;
          if (v == 0) { __m512d e = Sleef_expd8_u10avx512f(_mm512_sub_pd(_mm512_setzero_pd(), a)); s = _mm512_div_pd(_mm512_set1_pd(1.0), _mm512_add_pd(_mm512_set1_pd(1.0), e)); }
          else if (v == 1) s = ours(a);
          else s = _mm512_div_pd(_mm512_set1_pd(1.0), _mm512_add_pd(_mm512_set1_pd(1.0), a));
          _mm512_store_pd(z + i, s); } }
      reps += 200; t1 = now(); } while (t1 - t0 < 0.5);
    if (round >= 2) printf("variant %d: %.3f ns/value (check %g)\n", v, (t1 - t0) / (reps * (double) n) * 1e9, z[5]);
  }
}
