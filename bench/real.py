#!/usr/bin/env python3
"""The real-dataset benchmark behind bench/real.sh (issue 12): nnsweep against the Python peers, one run.

For three shapes (the tutorial's OR network, 8-16-4 x 256 rows, the digits shape 1797 x 64-32-10, bias on), all
float64:
  1. one core: network-epochs per CPU-second of nnsweep's kernel for the shape (bench ShapeProbe; for matrix-product
     shapes also netlib's Java BLAS beside this machine's) and of each peer (bench/peers.py: NumPy tutorial style,
     PyTorch batched with bmm, JAX vmap + jit; its best batch per shape);
  2. the job itself: ./submit.sh on local[2] (and local[1] for the scaling study: 32 networks of the digits shape,
     SCALING_ROUNDS alternating rounds of local[1] then local[2], the ratio of the median train stages), the train
     stage and the warm-up stage from run.json.
Prints markdown tables; with --markdown FILE replaces the section between the real-benchmark markers there.
Everything it writes goes under target/real-bench/.
"""
import argparse
import datetime
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
WORK = os.path.join(ROOT, "target", "real-bench")
START = "<!-- real-benchmark:start -->"
END = "<!-- real-benchmark:end -->"

# name, rows, inputs, hidden, outputs, bias, rate, init, job networks, job epochs
SHAPES = [
    ("or", 4, 2, 3, 1, False, 0.05, "uniform", 200, 200000),
    ("wide", 256, 8, 16, 4, True, 0.01, "uniform", 64, 3000),
    ("digits", 1797, 64, 32, 10, True, 0.001, "xavier", 64, 200),
]
# local[1] / local[2] rounds of the scaling study: one run of each varied by +-5% (JIT and scheduling noise)
SCALING_ROUNDS = 5


def sh(cmd, **kw):
    return subprocess.run(cmd, cwd=ROOT, check=True, text=True, capture_output=True, **kw).stdout


def classpath():
    return ":".join([os.path.join(ROOT, "target/test-classes"), os.path.join(ROOT, "target/classes"),
                     open(os.path.join(ROOT, "target/classpath.txt")).read().strip()])


def probe(shape, seconds):
    name, rows, inputs, hidden, outputs, bias = shape[:6]
    kernels = ["nnsweep"] + (["gemm-java-%d" % max(1, round(128 / hidden))] if rows >= 64 else [])
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    out = sh(["java", "--add-modules", "jdk.incubator.vector", "-cp", classpath(), "nnsweep.bench.ShapeProbe",
              str(rows), str(inputs), str(hidden), str(outputs), str(bias).lower(), str(seconds)] + kernels, env=env)
    rates = {}
    for line in out.splitlines():
        cells = line.split("\t")
        if len(cells) == 7:
            rates[cells[5]] = float(cells[6])
    return rates


def write_data(shape):
    """The shape's dataset as CSV: the shipped file where there is one, else seeded random data of that shape."""
    name, rows, inputs, hidden, outputs = shape[:5]
    if name == "or":
        return "data/or.csv"
    if name == "digits" and os.path.exists(os.path.join(ROOT, "data/digits.csv")):
        return "data/digits.csv"
    import random
    r = random.Random(rows * 1000 + inputs)
    path = os.path.join(WORK, name + ".csv")
    with open(path, "w") as f:
        f.write(",".join(["x%d" % i for i in range(inputs)] + ["t%d" % o for o in range(outputs)]) + "\n")
        for _ in range(rows):
            x = [round(r.random(), 4) for _ in range(inputs)]
            c = r.randrange(outputs)
            f.write(",".join([repr(v) for v in x] + ["1" if o == c else "0" for o in range(outputs)]) + "\n")
    return os.path.relpath(path, ROOT)


def job(shape, master, networks, tag):
    name, rows, inputs, hidden, outputs, bias, rate, init, _, epochs = shape
    data = write_data(shape)
    conf = os.path.join(WORK, "%s-%s.conf" % (name, tag))
    with open(conf, "w") as f:
        f.write("""study {
  name = "bench-%s"
  datasets = [ { name = "%s", path = "%s", outputs = %d } ]
  models = [hidden]
  hidden { sizes = [%d] }
  learning-rates = [%r]
  epochs = [%d]
  bias = [%s]
  seeds = { from = 0, count = %d }
  init { scheme = %s }
  curve-points = 0
}
""" % (name, name, data, outputs, hidden, rate, epochs, str(bias).lower(), networks, init))
    out = os.path.join(WORK, "out-%s-%s" % (name, tag))
    sh(["./submit.sh", "--master", master, "--config", os.path.relpath(conf, ROOT), "--out", out, "--overwrite"])
    run = json.load(open(os.path.join(out, "run.json")))["run"]
    stages = run["stage-seconds"]
    return {"train_s": stages["train"], "warmup_s": stages["warm-up"], "partitions": run["partitions"],
            "kernels": run["kernels"], "blas": run["blas"],
            "rate": networks * epochs / stages["train"]}


def median_run(runs):
    """The run with the median train stage (the lower middle one of an even count)."""
    ordered = sorted(runs, key=lambda r: r["train_s"])
    return ordered[(len(ordered) - 1) // 2]


def loadavg():
    return " ".join(open("/proc/loadavg").read().split()[:3])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="short measurements, no markdown")
    ap.add_argument("--markdown", default=None, help="write the tables into this file's real-benchmark section")
    ap.add_argument("--skip-peers", action="store_true", help="nnsweep only (no Python peers)")
    ap.add_argument("--peers-json", default=None,
                    help="take the peers from this bench/peers.sh --json file instead of running them")
    args = ap.parse_args()
    os.makedirs(WORK, exist_ok=True)
    seconds = 0.5 if args.quick else 2.0
    started = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    load_before = loadavg()

    peers = {}
    if not args.skip_peers:
        peers_json = args.peers_json or os.path.join(WORK, "peers.json")
        if not args.peers_json:
            cmd = ["bench/peers.sh", "--json", peers_json] + (["--quick"] if args.quick else [])
            subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        for m in json.load(open(peers_json))["results"]:
            key = (m["peer"], m["shape"])
            peers[key] = max(peers.get(key, 0.0), m.get("network_epochs_per_cpu_s") or m["network_epochs_per_s"])

    rows = []
    for shape in SHAPES:
        name = shape[0]
        kernel = probe(shape, seconds)
        networks, epochs = shape[8], shape[9]
        if args.quick:
            networks, epochs = min(networks, 16), max(1, epochs // 20)
            shape = shape[:8] + (networks, epochs)
        two = job(shape, "local[2]", networks, "local2")
        best_peer = max([v for (p, s), v in peers.items() if s == name] or [float("nan")])
        rows.append((name, shape, kernel, two, best_peer))
        print("%s: kernel %s; job local[2] %.0f network-epochs/s (train %.2f s, warm-up %.2f s)" % (
            name, kernel, two["rate"], two["train_s"], two["warmup_s"]), file=sys.stderr)

    # scaling: 32 networks of the digits shape on local[1] and local[2]
    digits = SHAPES[2] if not args.quick else SHAPES[2][:8] + (16, 10)
    # alternating rounds, so that a burst of load hits both masters; the ratio is one of the medians
    scaling = []
    for _ in range(1 if args.quick else SCALING_ROUNDS):
        scaling.append((job(digits, "local[1]", 32 if not args.quick else 16, "scaling1"),
                        job(digits, "local[2]", 32 if not args.quick else 16, "scaling2")))
    one32 = median_run([one for one, _ in scaling])
    two32 = median_run([two for _, two in scaling])
    round_ratios = ", ".join("%.2f" % (two["rate"] / one["rate"]) for one, two in scaling)

    lines = ["Run %s, load average before %s, after %s; BLAS of the job: %s." % (
        started, load_before, loadavg(), ", ".join(rows[-1][3]["blas"]) or "-"), ""]
    lines.append("One core, network-epochs per CPU-second (nnsweep: the kernel the job picks; peers: best batch):")
    lines.append("")
    lines.append("| shape | nnsweep | nnsweep, Java BLAS | NumPy | PyTorch | JAX | nnsweep / best peer |")
    lines.append("|---|---:|---:|---:|---:|---:|---:|")
    for name, shape, kernel, two, best in rows:
        java = [v for k, v in kernel.items() if k.startswith("gemm-java")]
        lines.append("| %s | %.0f | %s | %s | %s | %s | %.2fx |" % (
            name, kernel["nnsweep"], "%.0f" % java[0] if java else "-",
            *["%.0f" % peers[(p, name)] if (p, name) in peers else "-" for p in ("numpy", "torch", "jax")],
            kernel["nnsweep"] / best if best == best else float("nan")))
    lines.append("")
    lines.append("The job on local[2] (train stage, wall time), against 2 x the best peer's one-core speed:")
    lines.append("")
    lines.append("| shape | networks x epochs | kernels | tasks | train s | network-epochs/s | vs 2 x best peer "
                 "| warm-up s | warm-up / train |")
    lines.append("|---|---|---|---:|---:|---:|---:|---:|---:|")
    for name, shape, kernel, two, best in rows:
        lines.append("| %s | %d x %d | %s | %d | %.2f | %.0f | %.2fx | %.2f | %.1f%% |" % (
            name, shape[8], shape[9], ", ".join("%s %d" % kv for kv in two["kernels"].items()), two["partitions"],
            two["train_s"], two["rate"], two["rate"] / (2 * best) if best == best else float("nan"),
            two["warmup_s"], 100 * two["warmup_s"] / two["train_s"]))
    lines.append("")
    lines.append("Scaling, %d networks of the digits shape, %d alternating rounds: local[1] %.0f, local[2] %.0f "
                 "network-epochs/s (medians): %.2fx (each round: %s; tasks: %d and %d)." % (
                     32 if not args.quick else 16, len(scaling), one32["rate"], two32["rate"],
                     two32["rate"] / one32["rate"], round_ratios, one32["partitions"], two32["partitions"]))
    text = "\n".join(lines)
    print(text)
    if args.markdown and not args.quick:
        doc = open(args.markdown).read()
        section = START + "\n" + text + "\n" + END
        if START in doc:
            doc = doc[:doc.index(START)] + section + doc[doc.index(END) + len(END):]
        else:
            doc = doc.rstrip("\n") + "\n\n" + section + "\n"
        open(args.markdown, "w").write(doc)


if __name__ == "__main__":
    main()
