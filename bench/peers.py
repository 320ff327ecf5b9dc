#!/usr/bin/env python3
"""Python peers of nnsweep's kernels: network-epochs per second on one thread, float64.

Three peers train the same sigmoid networks with the same maths as nnsweep and the oracle
(../shared/reference/oracle.py): O = s(s(X Wh + bh) Wo + bo), s(z) = 1 / (1 + exp(-z)), E = 1/2 sum (O - T)^2 over
all rows and outputs, full-batch gradient descent, the forward pass and every gradient at the pre-update weights, then
both layers (and the biases, when on) updated together, W -= lr * grad.

  numpy  the tutorial's loop, one network at a time: bench/numpy_tutorial.py's train() itself (the same code that
         bench/kernel.sh times), X.dot(W), 1/(1+exp(-z)), the tutorial's deltas and updates, new arrays every step.
  torch  PyTorch CPU, k networks of one shape trained together, weights [k, in, h] and [k, h, out]; every product a
         torch.bmm (the data broadcast to the batch with expand, no copy), torch.sigmoid, s'(z) from the activation,
         in-place updates, no autograd; one Python loop iteration per epoch.
  jax    JAX, one network's epoch written as plain jnp code, jax.vmap over k networks, the epoch loop a
         jax.lax.fori_loop inside one jax.jit (the epoch count is a traced argument: one compilation per shape and k),
         jax_enable_x64, jax.nn.sigmoid.

Shapes (network 0 of each is the check network; the others are nnsweep's Init draws with seeds 8, 9, ...):
  or      the tutorial: OR truth table, 4 rows, 2-3-1, no bias, rate 0.05, the tutorial's initial weights.
  wide    8-16-4 with bias on 256 rows, rate 0.01: bench/kernel.sh's problem (KernelBench.wide) exactly, generated
          here with Java's SplittableRandom (data seed 2024, weights Init.uniform seed 7), so E matches its table.
  digits  1797 rows, 64 inputs in [0, 1], 32 hidden, 10 one-hot outputs, bias on, rate 0.001, initial weights
          Init.xavier (Glorot uniform, biases 0; uniform [0, 1) would saturate every unit). Random data with a fixed
          seed (inputs uniform [0, 1), labels uniform in 0..9) unless --digits names scikit-learn's digits.csv(.gz)
          (64 pixel columns 0..16 and the label; pixels divided by 16). Speed does not depend on the values.

Networks: numpy trains one network at a time; torch and jax train k networks together, k per shape from
DEFAULT_NETWORKS (each batched peer's best measured count first, then a larger batch; --networks overrides). One TSV
row per peer, shape and k.

Timing: for each peer, shape and k the epochs per run are calibrated after warm-up so that one run takes about
--seconds (default 3 s); each round runs every row once, in turn, and the figure is the median over the rounds of
k x epochs / wall time. warmup_s is the wall time spent on that row before the timed rounds (for jax: tracing and XLA
compilation, the first call, calibration); the JSON also has compile_s (jax: lower + compile) and first_call_s
separately, every round, the same rate per CPU second of this process, and CPU time / wall time per run (at most
about 1.0 with one thread; well under 1.0 means other processes took the core, and the per-CPU-second rate is then
the better estimate of one core's speed).

Correctness: before timing, each peer trains each shape's network 0 (in a batch of 3 for torch and jax) for a
fixed number of epochs, and its final E is compared with the oracle's to 1e-9 relative (oracle.py's train(), imported
from --oracle, default ../shared/reference/oracle.py beside the repository; the same maths in NumPy here if that file
is absent); a "check" line per shape goes to stderr and the exit status is 1 if any case fails. For the wide shape
the E of bench/kernel.sh's table (same problem, same epochs) is printed beside it.

Output: a TSV on stdout, header "peer shape networks epochs network_epochs_per_s warmup_s"; notes on stderr;
--json FILE writes everything. Set the thread pins before starting Python (bench/peers.sh does): this file sets
OPENBLAS/OMP/MKL_NUM_THREADS=1 and XLA_FLAGS only where they are unset, before importing numpy, torch and jax, and
calls torch.set_num_threads(1).

usage: peers.py [--quick] [--rounds R] [--seconds S] [--peers numpy,torch,jax] [--shapes or,wide,digits]
                [--networks PEER:SHAPE=K[,K...] ...] [--digits FILE] [--oracle FILE] [--json FILE]
"""
import argparse
import gzip
import json
import math
import os
import platform
import statistics
import sys
import time

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
os.environ.setdefault("XLA_FLAGS", "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1")


def _pin_to_one_cpu(argv):
    """--cpu N | auto (default: the highest-numbered CPU this process may use) | none. Done before numpy, torch and
    jax start their thread pools: with the XLA_FLAGS above but no affinity, XLA's CPU runtime still ran a jitted
    loop on two threads (the caller and a pool thread, each with about half the CPU time); pinned, one thread does
    all the work."""
    choice = "auto"
    for i, arg in enumerate(argv):
        if arg == "--cpu" and i + 1 < len(argv):
            choice = argv[i + 1]
        elif arg.startswith("--cpu="):
            choice = arg.split("=", 1)[1]
    if choice == "none" or not hasattr(os, "sched_setaffinity"):
        return None
    cpu = max(os.sched_getaffinity(0)) if choice == "auto" else int(choice)
    os.sched_setaffinity(0, {cpu})
    return cpu


PINNED_CPU = _pin_to_one_cpu(sys.argv[1:])

import numpy as np  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # no bench/__pycache__ left in the work tree
sys.path.insert(0, HERE)
import numpy_tutorial  # noqa: E402  (bench/numpy_tutorial.py: the tutorial's loop, shared with bench/kernel.sh)

PEERS = ("numpy", "torch", "jax")
SHAPES = ("or", "wide", "digits")
# Networks trained together per run, one TSV row each (numpy: one at a time, the tutorial's way). The first count of
# each batched peer is its best measured on this machine kind (network-epochs per CPU second, k swept 1 to 4096); the
# second, where there is one, a larger batch for comparison: on the bigger shapes a larger batch is slower per network
# (the batch's temporaries leave the caches; docs/benchmarks.md, "Peers (Python)").
DEFAULT_NETWORKS = {
    ("numpy", "or"): [1], ("numpy", "wide"): [1], ("numpy", "digits"): [1],
    ("torch", "or"): [1024], ("torch", "wide"): [8, 64], ("torch", "digits"): [1, 8],
    ("jax", "or"): [1024], ("jax", "wide"): [4, 64], ("jax", "digits"): [2, 8],
}
CHECK_EPOCHS = {"or": 2000, "wide": 1000, "digits": 50}
# bench/kernel.sh's E after this many epochs of its wide problem (docs/benchmarks.md, Kernel benchmark table)
KERNEL_BENCH_E = {("wide", 1000): 15.83906773, ("wide", 2000): 8.526435711, ("or", 20000): 0.004007830543}
TOLERANCE = 1e-9


# ---- Java's SplittableRandom (SplitMix64), so the problems are nnsweep's own ----

class SplittableRandom:
    GOLDEN_GAMMA = 0x9E3779B97F4A7C15
    MASK = (1 << 64) - 1

    def __init__(self, seed):
        self.seed = seed & self.MASK

    def next_doubles(self, count):
        """count successive nextDouble() values, as Java's new SplittableRandom(seed).nextDouble() gives them."""
        with np.errstate(over="ignore"):
            steps = np.arange(1, count + 1, dtype=np.uint64)
            z = np.uint64(self.seed) + steps * np.uint64(self.GOLDEN_GAMMA)
            z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
            z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
            z = z ^ (z >> np.uint64(31))
        self.seed = (self.seed + count * self.GOLDEN_GAMMA) & self.MASK
        return (z >> np.uint64(11)).astype(np.float64) * 2.0 ** -53


def init_uniform(bias, inputs, hidden, outputs, seed):
    """nnsweep's Init.uniform: Wh row by row, then Wo, then (bias on) bh and bo, each uniform [0, 1)."""
    r = SplittableRandom(seed)
    wh = r.next_doubles(inputs * hidden).reshape(inputs, hidden)
    wo = r.next_doubles(hidden * outputs).reshape(hidden, outputs)
    bh = r.next_doubles(hidden).reshape(1, hidden) if bias else np.zeros((1, hidden))
    bo = r.next_doubles(outputs).reshape(1, outputs) if bias else np.zeros((1, outputs))
    return {"wh": wh, "bh": bh, "wo": wo, "bo": bo}


def init_xavier(bias, inputs, hidden, outputs, seed):
    """nnsweep's Init.xavier: Wh uniform [-a, a), a = sqrt(6 / (inputs + hidden)), then Wo likewise; biases 0."""
    r = SplittableRandom(seed)
    a_h, a_o = math.sqrt(6.0 / (inputs + hidden)), math.sqrt(6.0 / (hidden + outputs))
    wh = -a_h + (a_h - -a_h) * r.next_doubles(inputs * hidden).reshape(inputs, hidden)
    wo = -a_o + (a_o - -a_o) * r.next_doubles(hidden * outputs).reshape(hidden, outputs)
    return {"wh": wh, "bh": np.zeros((1, hidden)), "wo": wo, "bo": np.zeros((1, outputs))}


# ---- the three problems ----

class Problem:
    def __init__(self, name, title, x, t, bias, hidden, lr, first, init=init_uniform):
        self.name, self.title, self.x, self.t, self.bias, self.hidden, self.lr = name, title, x, t, bias, hidden, lr
        self.first = first  # network 0's initial weights
        self.init = init  # the other networks'


    @property
    def shape(self):
        return self.x.shape[0], self.x.shape[1], self.hidden, self.t.shape[1]

    def weights(self, k):
        """Initial weights of k networks, stacked: network 0 is the problem's own, then the init's seeds 8, 9, ..."""
        n, i, h, o = self.shape
        nets = [self.first] + [self.init(self.bias, i, h, o, 7 + j) for j in range(1, k)]
        return {key: np.stack([w[key] for w in nets]) for key in ("wh", "bh", "wo", "bo")}



def problem_or():
    x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    t = np.array([[0], [1], [1], [1]], dtype=float)
    first = {"wh": np.array([[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]]), "bh": np.zeros((1, 3)),
             "wo": np.array([[0.7], [0.8], [0.9]]), "bo": np.zeros((1, 1))}
    return Problem("or", "tutorial OR: 4 rows, 2-3-1, no bias, rate 0.05", x, t, False, 3, 0.05, first)


def problem_wide():
    r = SplittableRandom(2024)
    x = r.next_doubles(256 * 8).reshape(256, 8)
    t = (x[:, 0:4] > x[:, 4:8]).astype(float)
    return Problem("wide", "8-16-4, bias, 256 rows, rate 0.01", x, t, True, 16, 0.01,
                   init_uniform(True, 8, 16, 4, 7))


def problem_sized(name):
    """A shape named ROWSxINPUTS-HIDDEN-OUTPUTS (e.g. 5000x16-32-26): inputs uniform [0, 1), one-hot targets, bias on,
    rate 0.001, Init.uniform; random data seeded by the row count (bench/sweep-shapes.sh's shapes)."""
    rows, layers = name.split("x")
    i, h, o = (int(v) for v in layers.split("-"))
    rows = int(rows)
    r = SplittableRandom(rows)
    x = r.next_doubles(rows * i).reshape(rows, i)
    labels = np.minimum((r.next_doubles(rows) * o).astype(int), o - 1)
    t = np.eye(o)[labels]
    return Problem(name, "%s: %d rows, %d-%d-%d, bias, rate 0.001, random data" % (name, rows, i, h, o),
                   x, t, True, h, 0.001, init_uniform(True, i, h, o, 7))


def problem_digits(path):
    if path:
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rt") as f:
            data = np.array([[float(v) for v in line.split(",")] for line in f if line.strip()])
        x, labels = data[:, :64] / 16.0, data[:, 64].astype(int)
        source = "scikit-learn digits (%s)" % os.path.basename(path)
    else:
        r = SplittableRandom(1797)
        x = r.next_doubles(1797 * 64).reshape(1797, 64)
        labels = np.minimum((r.next_doubles(1797) * 10).astype(int), 9)
        source = "random data, seed 1797"
    t = np.eye(10)[labels]
    return Problem("digits", "digits: %d rows, 64-32-10, bias, rate 0.001, Init.xavier, %s" % (x.shape[0], source),
                   x, t, True, 32, 0.001, init_xavier(True, 64, 32, 10, 7), init_xavier)


# ---- the reference maths ----

def load_oracle(path):
    if not path or not os.path.exists(path):
        return None
    import importlib.util
    spec = importlib.util.spec_from_file_location("oracle", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def oracle_error(oracle, p, epochs):
    w = {"Wh": p.first["wh"], "bh": p.first["bh"][0], "Wo": p.first["wo"], "bo": p.first["bo"][0]}
    if oracle is not None:
        return oracle.train(p.x, p.t, w, "hidden", p.bias, p.lr, epochs)[1]
    s = lambda z: 1.0 / (1.0 + np.exp(-z))  # noqa: E731  the oracle's maths, when its file is absent
    w = {k: v.copy() for k, v in w.items()}
    b = 1.0 if p.bias else 0.0
    for _ in range(epochs):
        h = s(p.x @ w["Wh"] + b * w["bh"])
        o = s(h @ w["Wo"] + b * w["bo"])
        d_o = (o - p.t) * o * (1 - o)
        d_h = (d_o @ w["Wo"].T) * h * (1 - h)
        g = {"Wo": h.T @ d_o, "bo": d_o.sum(0) * b, "Wh": p.x.T @ d_h, "bh": d_h.sum(0) * b}
        w = {k: w[k] - p.lr * g[k] for k in w}
    o = s(s(p.x @ w["Wh"] + b * w["bh"]) @ w["Wo"] + b * w["bo"])
    return float(0.5 * np.sum((o - p.t) ** 2))


# ---- the peers: each has prepare(problem, k) -> runner; runner.run(epochs) trains k fresh networks and returns
# ---- network 0's final E (computed after the clock stops)

class NumpyPeer:
    name = "numpy"

    def version(self):
        return "numpy " + np.__version__

    def prepare(self, p, k):
        if k != 1:
            raise SystemExit("peers.py: the numpy peer trains one network at a time (networks = 1)")
        tutorial = {"bias": p.bias, "lr": p.lr, "input_features": p.x, "target_output": p.t,
                    "weight_hidden": p.first["wh"], "bias_hidden": p.first["bh"],
                    "weight_output": p.first["wo"], "bias_output": p.first["bo"]}

        class Runner:
            compile_s = 0.0

            def run(self, epochs):
                start = time.perf_counter()
                weights, _ = numpy_tutorial.train(tutorial, epochs, False)
                seconds = time.perf_counter() - start
                return seconds, lambda: numpy_tutorial.final_error(tutorial, weights)

        return Runner()


class TorchPeer:
    name = "torch"

    def __init__(self):
        import torch
        torch.set_num_threads(1)
        self.torch = torch

    def version(self):
        t = self.torch
        return "torch %s (threads %d, interop %d)" % (t.__version__, t.get_num_threads(), t.get_num_interop_threads())

    def prepare(self, p, k):
        torch = self.torch
        f64 = torch.float64
        x = torch.tensor(p.x, dtype=f64)
        t = torch.tensor(p.t, dtype=f64)
        start_weights = {key: torch.tensor(v, dtype=f64) for key, v in p.weights(k).items()}
        n, inputs, hidden, outputs = p.shape
        xb = x.expand(k, n, inputs)          # the data broadcast to the batch: a view, no copy
        xbt = x.t().expand(k, inputs, n)
        lr, bias = p.lr, p.bias

        def train(w, epochs):
            wh, bh, wo, bo = w["wh"], w["bh"], w["wo"], w["bo"]
            with torch.no_grad():
                for _ in range(epochs):
                    zh = torch.bmm(xb, wh)
                    if bias:
                        zh += bh
                    h = torch.sigmoid(zh)
                    zo = torch.bmm(h, wo)
                    if bias:
                        zo += bo
                    o = torch.sigmoid(zo)
                    d_o = (o - t) * o * (1 - o)
                    d_h = torch.bmm(d_o, wo.transpose(1, 2)) * h * (1 - h)
                    g_wo = torch.bmm(h.transpose(1, 2), d_o)
                    g_wh = torch.bmm(xbt, d_h)
                    wh.sub_(g_wh, alpha=lr)
                    wo.sub_(g_wo, alpha=lr)
                    if bias:
                        bh.sub_(d_h.sum(1, keepdim=True), alpha=lr)
                        bo.sub_(d_o.sum(1, keepdim=True), alpha=lr)

        def error(w):
            h = torch.sigmoid(torch.bmm(xb, w["wh"]) + w["bh"])
            o = torch.sigmoid(torch.bmm(h, w["wo"]) + w["bo"])
            return float(0.5 * ((o[0] - t) ** 2).sum())

        class Runner:
            compile_s = 0.0

            def run(self, epochs):
                w = {key: v.clone() for key, v in start_weights.items()}
                start = time.perf_counter()
                train(w, epochs)
                seconds = time.perf_counter() - start
                return seconds, lambda: error(w)

        return Runner()


class JaxPeer:
    name = "jax"

    def __init__(self):
        import jax
        jax.config.update("jax_enable_x64", True)
        import jax.numpy as jnp
        self.jax, self.jnp = jax, jnp

    def version(self):
        import jaxlib
        return "jax %s, jaxlib %s, backend %s, XLA_FLAGS=%s" % (
            self.jax.__version__, jaxlib.__version__, self.jax.default_backend(), os.environ.get("XLA_FLAGS"))

    def prepare(self, p, k):
        jax, jnp = self.jax, self.jnp
        bias, lr = p.bias, p.lr
        x = jnp.asarray(p.x)
        t = jnp.asarray(p.t)

        def epoch(w, x, t):
            """One network's epoch, written for one network; vmap batches it."""
            wh, bh, wo, bo = w
            zh = x @ wh + bh if bias else x @ wh
            h = jax.nn.sigmoid(zh)
            zo = h @ wo + bo if bias else h @ wo
            o = jax.nn.sigmoid(zo)
            d_o = (o - t) * o * (1 - o)
            d_h = (d_o @ wo.T) * h * (1 - h)
            wh = wh - lr * (x.T @ d_h)
            wo = wo - lr * (h.T @ d_o)
            if bias:
                bh = bh - lr * d_h.sum(0, keepdims=True)
                bo = bo - lr * d_o.sum(0, keepdims=True)
            return wh, bh, wo, bo

        batched = jax.vmap(epoch, in_axes=(0, None, None))

        def train(w, x, t, epochs):
            return jax.lax.fori_loop(0, epochs, lambda _, w: batched(w, x, t), w)

        def error(w, x, t):
            wh, bh, wo, bo = w
            o = jax.nn.sigmoid(jax.nn.sigmoid(x @ wh + bh) @ wo + bo)
            return 0.5 * jnp.sum((o - t) ** 2)

        error_batched = jax.jit(jax.vmap(error, in_axes=(0, None, None)))
        w0 = p.weights(k)
        start_weights = tuple(jnp.asarray(w0[key]) for key in ("wh", "bh", "wo", "bo"))
        started = time.perf_counter()
        compiled = jax.jit(train).lower(start_weights, x, t, 1).compile()
        compile_s = time.perf_counter() - started

        class Runner:
            def __init__(self):
                self.compile_s = compile_s

            def run(self, epochs):
                w = tuple(jnp.array(v, copy=True) for v in start_weights)
                jax.block_until_ready(w)
                start = time.perf_counter()
                out = jax.block_until_ready(compiled(w, x, t, epochs))
                seconds = time.perf_counter() - start
                return seconds, lambda: float(error_batched(out, x, t)[0])

        return Runner()


# ---- measuring ----

def two_digits(value):
    """value rounded to two significant digits (at least 1)."""
    if value < 1:
        return 1
    scale = 10 ** max(0, int(math.floor(math.log10(value))) - 1)
    return max(1, int(round(value / scale)) * scale)


def calibrate(runner, k, target_s, first_epochs):
    """Untimed runs, growing until one takes 0.15 s; returns (epochs for target_s, first call s, total s)."""
    started = time.perf_counter()
    epochs = first_epochs
    first_call = None
    while True:
        seconds, _ = runner.run(epochs)
        if first_call is None:
            first_call = seconds
        if seconds >= 0.15 or epochs >= 10 ** 9:
            break
        epochs *= max(2, min(20, int(0.2 / max(seconds, 1e-6))))
    rate = epochs / seconds
    return two_digits(target_s * rate), first_call, time.perf_counter() - started


def thread_cpu():
    """CPU seconds of each thread of this process (Linux /proc), to see how many threads did the work."""
    out = {}
    try:
        tick = os.sysconf("SC_CLK_TCK")
        for tid in os.listdir("/proc/self/task"):
            with open("/proc/self/task/%s/stat" % tid) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            out[tid] = (int(fields[11]) + int(fields[12])) / tick
    except (OSError, ValueError, IndexError):
        pass
    return out


def busy_threads(before, after, cpu):
    """Threads that used at least 10% of the run's CPU time."""
    return sum(1 for tid, t in after.items() if t - before.get(tid, 0.0) >= 0.1 * max(cpu, 1e-9))


def load():
    try:
        return [float(v) for v in open("/proc/loadavg").read().split()[:3]]
    except OSError:
        return None


def main(argv):
    ap = argparse.ArgumentParser(description="Python peers: network-epochs/s on one thread, float64")
    ap.add_argument("--quick", action="store_true", help="smoke run: 1 round of about 0.3 s per measurement")
    ap.add_argument("--rounds", type=int, default=None, help="rounds (default 3, --quick 1); the median is reported")
    ap.add_argument("--seconds", type=float, default=None, help="target seconds per run (default 3, --quick 0.3)")
    ap.add_argument("--peers", default=",".join(PEERS), help="comma-separated, default " + ",".join(PEERS))
    ap.add_argument("--shapes", default=",".join(SHAPES), help="comma-separated, default " + ",".join(SHAPES) + "; also ROWSxINPUTS-HIDDEN-OUTPUTS, e.g. 5000x16-32-26")
    ap.add_argument("--networks", action="append", default=[], metavar="PEER:SHAPE=K[,K...]",
                    help="networks trained together, one row per count, e.g. torch:digits=1,16 (repeatable)")
    ap.add_argument("--digits", default=None,
                    help="scikit-learn's digits.csv(.gz) instead of random digits-shaped data")
    ap.add_argument("--oracle", default=os.path.normpath(os.path.join(HERE, "../../shared/reference/oracle.py")),
                    help="the numpy oracle whose train() the check compares with (default: %(default)s)")
    ap.add_argument("--cpu", default="auto",
                    help="the one CPU to run on: a number, auto (default: the highest this process may use) or none")
    ap.add_argument("--no-check", action="store_true", help="skip the correctness check")
    ap.add_argument("--json", default=None, metavar="FILE")
    a = ap.parse_args(argv)
    rounds = a.rounds or (1 if a.quick else 3)
    target_s = a.seconds or (0.3 if a.quick else 3.0)
    networks = dict(DEFAULT_NETWORKS)
    for spec in a.networks:
        key, value = spec.split("=")
        peer, shape = key.split(":")
        networks[(peer, shape)] = [int(v) for v in value.split(",")]

    def note(line):
        print("# " + line, file=sys.stderr, flush=True)

    load_before = load()
    note("load average before: %s; %s" % (
        load_before, "not pinned" if PINNED_CPU is None else "pinned to CPU %d" % PINNED_CPU))
    problems = {"or": problem_or(), "wide": problem_wide(), "digits": problem_digits(a.digits)}
    shapes = [s for s in a.shapes.split(",") if s]
    for s in shapes:
        if s not in problems:
            problems[s] = problem_sized(s)
            batches = [4] if problems[s].x.shape[0] >= 1000 else [4, 16]
            for peer, ks in (("numpy", [1]), ("torch", batches), ("jax", batches)):
                networks.setdefault((peer, s), ks)
            CHECK_EPOCHS.setdefault(s, 5)
    constructors = {"numpy": NumpyPeer, "torch": TorchPeer, "jax": JaxPeer}
    peers = []
    for name in [s for s in a.peers.split(",") if s]:
        started = time.perf_counter()
        peer = constructors[name]()
        note("%s: %s (import %.2f s)" % (name, peer.version(), time.perf_counter() - started))
        peers.append(peer)
    env = {v: os.environ.get(v) for v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "XLA_FLAGS")}
    report = {"started_utc": time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime()), "python": sys.version.split()[0],
              "platform": platform.platform(), "cpus": os.cpu_count(), "pinned_cpu": PINNED_CPU,
              "env": env,
              "versions": {p.name: p.version() for p in peers}, "rounds": rounds, "target_s": target_s,
              "load_before": load_before, "problems": {s: problems[s].title for s in shapes}, "checks": [],
              "results": []}

    ok = True
    if not a.no_check:
        oracle = load_oracle(a.oracle)
        note("check: final E of network 0 vs %s, tolerance %g relative" % (
            a.oracle if oracle else "the oracle's maths in NumPy (oracle file not found)", TOLERANCE))
        for s in shapes:
            p = problems[s]
            epochs = CHECK_EPOCHS[s]
            expected = oracle_error(oracle, p, epochs)
            line = "check %-6s %5d epochs  oracle E %.12g" % (s, epochs, expected)
            if (s, epochs) in KERNEL_BENCH_E:
                line += "  (bench/kernel.sh: %.10g)" % KERNEL_BENCH_E[(s, epochs)]
            for peer in peers:
                k = 1 if peer.name == "numpy" else 3
                _, error = peer.prepare(p, k).run(epochs)
                e = error()
                rel = abs(e - expected) / abs(expected)
                good = rel <= TOLERANCE
                ok &= good
                line += "  %s %.12g (rel %.1e %s)" % (peer.name, e, rel, "ok" if good else "FAIL")
                report["checks"].append({"shape": s, "rows": p.x.shape[0], "epochs": epochs, "peer": peer.name,
                                         "networks": k, "oracle": expected, "E": e, "rel": rel, "ok": good})
            note(line)
        note("check: %s" % ("all agree" if ok else "FAILED"))

    # warm-up, compilation and calibration, per peer, shape and network count
    runs = {}
    for s in shapes:
        for peer in peers:
            for k in networks[(peer.name, s)]:
                started = time.perf_counter()
                runner = peer.prepare(problems[s], k)
                first_epochs = {"or": 100, "wide": 10}.get(s, 1)
                epochs, first_call, _ = calibrate(runner, k, target_s, first_epochs)
                warmup = time.perf_counter() - started
                runs[(peer.name, s, k)] = {"runner": runner, "epochs": epochs, "warmup_s": warmup,
                                           "compile_s": runner.compile_s, "first_call_s": first_call, "rates": [],
                                           "cpu_rates": [], "cpu_per_wall": [], "busy_threads": [],
                                           "loads": []}
                note("warm-up %-5s %-6s networks %d: %.2f s (compile %.2f s, first call %.3f s); %d epochs per run"
                     % (peer.name, s, k, warmup, runner.compile_s, first_call, epochs))

    # the timed rounds: every peer, shape and count once per round, in turn
    for r in range(rounds):
        for (name, s, k), m in runs.items():
            threads = thread_cpu()
            cpu = time.process_time()
            seconds, _ = m["runner"].run(m["epochs"])
            cpu = time.process_time() - cpu
            m["busy_threads"].append(busy_threads(threads, thread_cpu(), cpu))
            m["rates"].append(k * m["epochs"] / seconds)
            m["cpu_rates"].append(k * m["epochs"] / cpu)
            m["cpu_per_wall"].append(cpu / seconds)
            m["loads"].append((load() or [None])[0])
        note("round %d of %d done, load %s" % (r + 1, rounds, load()))

    print("peer\tshape\tnetworks\tepochs\tnetwork_epochs_per_s\twarmup_s")
    for (name, s, k), m in runs.items():
        median = statistics.median(m["rates"])
        print("%s\t%s\t%d\t%d\t%.1f\t%.2f" % (name, s, k, m["epochs"], median, m["warmup_s"]))
        report["results"].append({"peer": name, "shape": s, "networks": k, "epochs": m["epochs"],
                                  "network_epochs_per_s": median, "rounds": m["rates"],
                                  "network_epochs_per_cpu_s": statistics.median(m["cpu_rates"]),
                                  "cpu_rounds": m["cpu_rates"], "cpu_per_wall": m["cpu_per_wall"],
                                  "warmup_s": m["warmup_s"], "compile_s": m["compile_s"],
                                  "first_call_s": m["first_call_s"], "busy_threads": m["busy_threads"],
                                  "load_1min": m["loads"]})
    sys.stdout.flush()
    report["load_after"] = load()
    report["finished_utc"] = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime())
    report["check_ok"] = ok
    note("load average after: %s" % report["load_after"])
    for m in report["results"]:
        note("%-5s %-6s k=%-4d per wall s %s | per CPU s %s (median %.4g) | cpu/wall %s | busy threads %s" % (
            m["peer"], m["shape"], m["networks"], " ".join("%.4g" % v for v in m["rounds"]),
            " ".join("%.4g" % v for v in m["cpu_rounds"]), m["network_epochs_per_cpu_s"],
            " ".join("%.2f" % v for v in m["cpu_per_wall"]), " ".join(str(v) for v in m["busy_threads"])))
    if a.json:
        with open(a.json, "w") as f:
            json.dump(report, f, indent=1)
            f.write("\n")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
