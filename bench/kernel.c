/*
 * The C scalar reference for bench/kernel.sh: the arithmetic of nnsweep's FusedTrainer (full-batch gradient descent
 * on E = 1/2 sum((O - T)^2), sigmoid units, both layers updated together) as a hand-written C kernel: fused loops over
 * the samples, no allocation per epoch, s(z) reused for s'(z) = s(z)(1 - s(z)).
 *
 * Same operation order as the Java kernels (sums from 0.0 in input order, then the bias; gradients summed over rows in
 * order); built with -ffp-contract=off so that gcc does not fuse a*b+c into one rounding (it would by default with
 * -march=native), hence E agrees with Java's to the last bits, up to the difference between glibc's exp and Java's
 * Math.exp.
 *
 * The shape is read from the problem file at run time, unless the FIXED_* macros fix it at compile time (then gcc knows
 * every trip count and unrolls the loops completely: the scalar limit):
 *   gcc -O3 -march=native -ffp-contract=off -DFIXED_N=4 -DFIXED_IN=2 -DFIXED_H=3 -DFIXED_OUT=1 -o k kernel.c -lm
 *
 * usage: kernel PROBLEM EPOCHS RUNS
 *   PROBLEM  a problem file written by KernelBench (model, bias, shape, rate, x, t and the initial weights)
 *   prints one line per run: "run <seconds> <E after the last update> <E before the last update>"
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
  int hidden_layer, bias, n, in, h, out;
  double rate;
  double *x, *t, *wh, *bh, *wo, *bo; /* all column-major, like the Breeze matrices */
} problem;

#ifdef FIXED_N
#define N FIXED_N
#define IN FIXED_IN
#define H FIXED_H
#define OUT FIXED_OUT
#else
#define N n
#define IN in
#define H h
#define OUT out
#endif

static inline double s(double z) { return 1.0 / (1.0 + exp(-z)); }

static void die(const char *what) {
  fprintf(stderr, "kernel: %s\n", what);
  exit(2);
}

/* reads "key v1 v2 ..." lines; a row-major matrix of rows x cols is stored column-major */
static double *read_matrix(FILE *f, const char *key, int rows, int cols) {
  char word[64];
  if (fscanf(f, "%63s", word) != 1 || strcmp(word, key) != 0) die(key);
  double *m = calloc((size_t)(rows * cols + 1), sizeof(double));
  for (int i = 0; i < rows; i++)
    for (int j = 0; j < cols; j++)
      if (fscanf(f, "%lf", &m[i + j * rows]) != 1) die(key);
  return m;
}

static int read_int(FILE *f, const char *key) {
  char word[64];
  int v;
  if (fscanf(f, "%63s %d", word, &v) != 2 || strcmp(word, key) != 0) die(key);
  return v;
}

static problem read_problem(const char *path) {
  problem p;
  char word[64], model[64];
  FILE *f = fopen(path, "r");
  if (!f) die("cannot open the problem file");
  if (fscanf(f, "%63s %63s", word, model) != 2 || strcmp(word, "model") != 0) die("model");
  p.hidden_layer = strcmp(model, "hidden") == 0;
  p.bias = read_int(f, "bias");
  p.n = read_int(f, "rows");
  p.in = read_int(f, "inputs");
  p.h = read_int(f, "hidden");
  p.out = read_int(f, "outputs");
  if (fscanf(f, "%63s %lf", word, &p.rate) != 2 || strcmp(word, "rate") != 0) die("rate");
  p.x = read_matrix(f, "x", p.n, p.in);
  p.t = read_matrix(f, "t", p.n, p.out);
  int width = p.hidden_layer ? p.h : p.in;
  p.wh = read_matrix(f, "wh", p.hidden_layer ? p.in : 0, p.h);
  p.bh = read_matrix(f, "bh", 1, p.h);
  p.wo = read_matrix(f, "wo", width, p.out);
  p.bo = read_matrix(f, "bo", 1, p.out);
  fclose(f);
#ifdef FIXED_N
  if (p.n != N || p.in != IN || p.h != H || p.out != OUT || !p.hidden_layer)
    die("problem does not have the compiled shape");
#endif
  return p;
}

/* E of the current weights */
static double error(const problem *p, const double *wh, const double *bh, const double *wo, const double *bo,
                    double *hid) {
  const int n = p->n, in = p->in, h = p->h, out = p->out;
  double sse = 0.0;
  for (int i = 0; i < N; i++) {
    for (int j = 0; j < H; j++) {
      double z = 0.0;
      for (int q = 0; q < IN; q++) z += p->x[i + q * N] * wh[q + j * IN];
      if (p->bias) z += bh[j];
      hid[j] = s(z);
    }
    for (int o = 0; o < OUT; o++) {
      double z = 0.0;
      for (int j = 0; j < H; j++) z += hid[j] * wo[j + o * H];
      if (p->bias) z += bo[o];
      double diff = s(z) - p->t[i + o * N];
      sse += diff * diff;
    }
  }
  return 0.5 * sse;
}

/* one hidden layer: trains wh, bh, wo, bo in place; returns E before the last update */
static double train(const problem *p, long epochs, double *wh, double *bh, double *wo, double *bo, double *hid,
                    double *dout, double *dhid, double *gwh, double *gwo) {
  const int n = p->n, in = p->in, h = p->h, out = p->out;
  const int bias = p->bias;
  const double rate = p->rate;
  const double *x = p->x, *t = p->t;
  double before = NAN;
  for (long k = 0; k < epochs; k++) {
    double sse = 0.0;
    for (int i = 0; i < N; i++) {
      for (int j = 0; j < H; j++) {
        double z = 0.0;
        for (int q = 0; q < IN; q++) z += x[i + q * N] * wh[q + j * IN];
        if (bias) z += bh[j];
        hid[i + j * N] = s(z);
      }
      for (int o = 0; o < OUT; o++) {
        double z = 0.0;
        for (int j = 0; j < H; j++) z += hid[i + j * N] * wo[j + o * H];
        if (bias) z += bo[o];
        double y = s(z);
        double diff = y - t[i + o * N];
        sse += diff * diff;
        dout[i + o * N] = diff * y * (1.0 - y);
      }
      for (int j = 0; j < H; j++) {
        double back = 0.0;
        for (int o = 0; o < OUT; o++) back += dout[i + o * N] * wo[j + o * H];
        double a = hid[i + j * N];
        dhid[i + j * N] = back * a * (1.0 - a);
      }
    }
    before = 0.5 * sse;
    if (!isfinite(before)) break;
    for (int o = 0; o < OUT; o++)
      for (int j = 0; j < H; j++) {
        double g = 0.0;
        for (int i = 0; i < N; i++) g += hid[i + j * N] * dout[i + o * N];
        gwo[j + o * H] = g;
      }
    for (int j = 0; j < H; j++)
      for (int q = 0; q < IN; q++) {
        double g = 0.0;
        for (int i = 0; i < N; i++) g += x[i + q * N] * dhid[i + j * N];
        gwh[q + j * IN] = g;
      }
    for (int w = 0; w < H * OUT; w++) wo[w] -= rate * gwo[w];
    for (int w = 0; w < IN * H; w++) wh[w] -= rate * gwh[w];
    if (bias) {
      for (int o = 0; o < OUT; o++) {
        double g = 0.0;
        for (int i = 0; i < N; i++) g += dout[i + o * N];
        bo[o] -= rate * g;
      }
      for (int j = 0; j < H; j++) {
        double g = 0.0;
        for (int i = 0; i < N; i++) g += dhid[i + j * N];
        bh[j] -= rate * g;
      }
    }
  }
  return before;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
  if (argc != 4) die("usage: kernel PROBLEM EPOCHS RUNS");
  problem p = read_problem(argv[1]);
  long epochs = atol(argv[2]);
  int runs = atoi(argv[3]);
  if (!p.hidden_layer) die("only the hidden-layer model is benchmarked");
  int width = p.h;
  size_t nh = (size_t)p.n * p.h, no = (size_t)p.n * p.out;
  double *wh = malloc(sizeof(double) * (p.in * p.h + 1)), *bh = malloc(sizeof(double) * (p.h + 1));
  double *wo = malloc(sizeof(double) * (width * p.out + 1)), *bo = malloc(sizeof(double) * (p.out + 1));
  double *hid = malloc(sizeof(double) * nh), *dhid = malloc(sizeof(double) * nh), *dout = malloc(sizeof(double) * no);
  double *gwh = malloc(sizeof(double) * (p.in * p.h + 1)), *gwo = malloc(sizeof(double) * (width * p.out + 1));
  for (int r = 0; r < runs; r++) {
    memcpy(wh, p.wh, sizeof(double) * p.in * p.h);
    memcpy(bh, p.bh, sizeof(double) * p.h);
    memcpy(wo, p.wo, sizeof(double) * width * p.out);
    memcpy(bo, p.bo, sizeof(double) * p.out);
    double t0 = now();
    double before = train(&p, epochs, wh, bh, wo, bo, hid, dout, dhid, gwh, gwo);
    double t1 = now();
    printf("run %.9f %.17g %.17g\n", t1 - t0, error(&p, wh, bh, wo, bo, hid), before);
    fflush(stdout);
  }
  return 0;
}
