#!/usr/bin/env python3
"""The shape sweep behind bench/sweep-shapes.sh (issue 24): per shape, nnsweep against the best Python peer and the
machine's one-core matrix-product peak, all measured in one run.

Per shape (rows x inputs-hidden-outputs, bias on, random data with one-hot targets):
  kernel   network-epochs per CPU-second of one thread: nnsweep's kernel for the shape (bench ShapeProbe, the kernel
           and group size the job picks) and each peer's best batch (bench/peers.py: NumPy, PyTorch bmm, JAX vmap+jit,
           float64, one thread); the ratio nnsweep / best peer;
  job      ./submit.sh on local[2], the train stage from run.json: network-epochs per second against 2 x the best
           peer's one-core speed (skipped with --no-job);
  roofline useful product GFLOPS of nnsweep's kernel on one core (4 n i w + 6 n h o flops a network-epoch, w the first
           layer's width) over the one-core dgemm GFLOPS of a 2,048^2 product (NumPy's OpenBLAS, one thread), measured
           in the same run just before and just after the shape's kernel (their mean: the VM's speed drifts);
  bound    the most roofline a shape could reach: its products at that dgemm peak plus its (h + o) sigmoids a row at
           the measured FastSigmoid rate, everything else free; "of bound" is roofline / bound.
The CPU (model name, AVX-512 or AVX2) and the BLAS the job loaded are printed with the table: machines of this kind
differ, so compare ratios, not absolute rates. Prints a markdown table on stdout; notes on stderr; everything it
writes goes under target/sweep-bench/.
"""
import argparse
import datetime
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import real  # noqa: E402  (probe, job, write_data: the same as bench/real.sh's)

ROOT = os.path.dirname(HERE)
WORK = os.path.join(ROOT, "target", "sweep-bench")
real.WORK = WORK

# rows, inputs, hidden, outputs, job networks, job epochs (about 2-6 s of train stage on local[2])
SHAPES = [
    (208, 60, 30, 1, 32, 8000),      # Sonar
    (256, 8, 4, 2, 32, 20000),
    (569, 30, 16, 1, 32, 6000),      # breast cancer
    (990, 10, 24, 11, 32, 2500),     # Vowel
    (1500, 60, 24, 8, 32, 3000),
    (2000, 200, 128, 3, 8, 200),     # DNA-like: wide inputs and hidden layer
    (5000, 16, 32, 26, 16, 600),
    (6435, 36, 20, 6, 16, 500),      # Satellite
    (20000, 16, 64, 26, 8, 60),      # LetterRecognition
    (58000, 9, 8, 7, 8, 100),        # Shuttle
]


def name(shape):
    return "%dx%d-%d-%d" % shape[:4]


def parse(text):
    """A shape of the sweep by name, or any other: ROWSxI-H-O, optionally :NETSxEPOCHS. Without a size given, the
    job's networks follow the sweep's (32 under 1,000 rows, 16 under 10,000, else 8) and its epochs a work budget
    (about 4e11 flop-equivalents: the products' flops plus 40 a sigmoid), so an unseen shape's train stage runs a few
    seconds like the sweep's own."""
    known = {name(s): s for s in SHAPES}
    spec, _, size = text.partition(":")
    if spec in known and not size:
        return known[spec]
    try:
        n, rest = spec.split("x", 1)
        n, i, h, o = [int(v) for v in [n] + rest.split("-")]
        if size:
            nets, epochs = [int(v) for v in size.split("x")]
        else:
            nets = 32 if n < 1000 else 16 if n < 10000 else 8
            per_epoch = n * (4.0 * i * (h or o) + (6.0 * h * o if h else 0.0) + 40.0 * (h + o))
            epochs = max(20, min(20000, int(float("%.2g" % (4e11 / (nets * per_epoch))))))
    except ValueError:
        sys.exit("--shapes: expected ROWSxINPUTS-HIDDEN-OUTPUTS[:NETSxEPOCHS], found '%s'" % text)
    if min(n, i, o, nets, epochs) < 1 or h < 0:
        sys.exit("--shapes: rows, inputs, outputs, networks and epochs must be >= 1, hidden >= 0, found '%s'" % text)
    return (n, i, h, o, nets, epochs)


def cpu_name():
    model, flags = "?", set()
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name") and model == "?":
            model = line.split(":", 1)[1].strip()
        if line.startswith("flags") and not flags:
            flags = set(line.split(":", 1)[1].split())
    simd = "AVX-512" if "avx512f" in flags else "AVX2" if "avx2" in flags else "SSE"
    return "%s (%s, %d CPUs)" % (model, simd, os.cpu_count())


def dgemm_gflops(python):
    code = ("import numpy as np, time\n"
            "a=np.random.rand(2048,2048); b=np.random.rand(2048,2048); a@b\n"
            "best=min((lambda t: (a@b, time.process_time()-t)[1])(time.process_time()) for _ in range(3))\n"
            "print(2*2048**3/best/1e9)")
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1")
    return float(subprocess.run([python, "-c", code], env=env, check=True, capture_output=True,
                                text=True).stdout.strip())


def sigmoid_rate(seconds):
    """FastSigmoid's sigmoids per CPU-second on one thread (bench ShapeProbe's sigmoid kernel)."""
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    out = real.sh(["java", "--add-modules", "jdk.incubator.vector", "-cp", real.classpath(), "nnsweep.bench.ShapeProbe",
                   "256", "8", "8", "1", "true", str(seconds), "sigmoid"], env=env)
    return float([line for line in out.splitlines() if "\tsigmoid\t" in line][0].split("\t")[6])


def bound(shape, peak_gflops, sigmoids):
    """The roofline fraction a shape can reach at most: a row's useful product flops at the dgemm peak plus its
    hidden + output sigmoids at FastSigmoid's measured rate, everything else free. A shape with few flops a sigmoid
    (58,000 x 9-8-7: 624 flops, 15 sigmoids) is bounded far below the peak by its sigmoids alone."""
    n, i, h, o = shape[:4]
    flops = 4.0 * i * (h or o) + (6.0 * h * o if h else 0.0)
    products = flops / (peak_gflops * 1e9)
    return products / (products + (h + o) / sigmoids)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="short measurements (0.5 s, 1 peer round, short jobs)")
    ap.add_argument("--no-job", action="store_true", help="skip the local[2] jobs")
    ap.add_argument("--shapes", default=None, help="comma-separated ROWSxI-H-O[:NETSxEPOCHS]: the sweep's shapes "
                    "or any others (default: the sweep's 10)")
    ap.add_argument("--peers", default="numpy,torch,jax")
    args = ap.parse_args()
    os.makedirs(WORK, exist_ok=True)
    shapes = [parse(t) for t in args.shapes.split(",") if t] if args.shapes else SHAPES
    seconds = 0.5 if args.quick else 2.0
    started = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    load_before = real.loadavg()
    python = os.path.join(ROOT, "target", "peers-venv", "bin", "python")

    peers_json = os.path.join(WORK, "peers.json")
    cmd = ["bench/peers.sh", "--json", peers_json, "--peers", args.peers, "--no-check",
           "--shapes", ",".join(name(s) for s in shapes), "--rounds", "1" if args.quick else "3",
           "--seconds", "0.5" if args.quick else "2"]
    subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    peers = {}
    for m in json.load(open(peers_json))["results"]:
        key = (m["peer"], m["shape"])
        peers[key] = max(peers.get(key, 0.0), m["network_epochs_per_cpu_s"])
    peaks = [dgemm_gflops(python)]
    print("dgemm 2048^2, one thread: %.1f GFLOPS" % peaks[0], file=sys.stderr)
    sigmoids = sigmoid_rate(seconds)
    print("FastSigmoid, one thread: %.0f M sigmoids per CPU-second" % (sigmoids / 1e6), file=sys.stderr)

    rows = []
    for s in shapes:
        n, i, h, o, nets, epochs = s
        if args.quick:
            nets, epochs = min(nets, 8), max(1, epochs // 10)
        shape = (name(s), n, i, h, o, True, 0.001, "uniform", nets, epochs)
        # the kernel between two dgemm peaks: this VM's speed drifts by up to 1.4x between minutes, so each shape's
        # roofline is read against the peak of its own minutes (the mean of the two), not one taken at the start
        kernel = real.probe(shape, seconds)["nnsweep"]
        peaks.append(dgemm_gflops(python))
        peak = (peaks[-2] + peaks[-1]) / 2
        two = None if args.no_job else real.job(shape, "local[2]", nets, "local2")
        best = max((v, p) for (p, sh), v in peers.items() if sh == name(s))
        flops = 4.0 * n * i * (h or o) + (6.0 * n * h * o if h else 0.0)
        rows.append((s, kernel, two, best, flops * kernel / 1e9, peak, bound(s, peak, sigmoids)))
        print("%s: kernel %.1f, best peer %s %.1f%s" % (name(s), kernel, best[1], best[0],
              "" if two is None else ", job %.1f" % two["rate"]), file=sys.stderr)

    blas = sorted({b for r in rows if r[2] for b in r[2]["blas"]}) or ["not run"]
    print("Run %s on %s; load average before %s, after %s; BLAS of the job: %s; one-core dgemm (NumPy's OpenBLAS, "
          "2,048^2): %.1f-%.1f GFLOPS, measured before and after each shape's kernel (each roofline reads against the mean "
          "of its two)." % (started, cpu_name(), load_before, real.loadavg(), ", ".join(blas), min(peaks), max(peaks)))
    print()
    print("FastSigmoid (the kernels' sigmoid, 256-value blocks), one thread: %.0f M per CPU-second. Bound: the roofline "
          "a shape could reach with its products at the dgemm peak and nothing else but its (hidden + outputs) sigmoids "
          "a row." % (sigmoids / 1e6))
    print()
    print("| shape | nets x epochs | nnsweep, per CPU-s | best peer, per CPU-s | kernel ratio | job local[2], /s "
          "| job / 2 x best peer | GFLOPS | dgemm peak | roofline | bound | of bound |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for s, kernel, two, (best, peer), gflops, peak, limit in rows:
        print("| %s | %d x %d | %.0f | %s %.0f | %.2fx | %s | %s | %.1f | %.1f | %.0f%% | %.0f%% | %.0f%% |" % (
            name(s), s[4], s[5], kernel, peer, best, kernel / best,
            "-" if two is None else "%.0f" % two["rate"],
            "-" if two is None else "%.2fx" % (two["rate"] / (2 * best)), gflops, peak, 100 * gflops / peak,
            100 * limit, 100 * gflops / peak / limit))


if __name__ == "__main__":
    main()
