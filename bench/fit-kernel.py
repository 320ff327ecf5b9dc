# The cost model's fit (nn/Kernel, docs/benchmarks.md "Which kernel"): reads bench/shapes.sh's TSV, fits the lockstep
# constants (sigmoid weight by grid search, rate by the median in log space) and the BLAS constants (non-negative
# least squares on relative error, shapes of 32 rows or more) for the Java and the native BLAS, and prints model vs
# measured with the choice.   python3 bench/fit-kernel.py shapes.tsv
import sys, numpy as np
from scipy.optimize import nnls
rows = [l.rstrip('\n').split('\t') for l in open(sys.argv[1])][1:]
meas = {}
for r in rows:
    key = tuple(int(x) for x in r[:4]) + (r[4] == 'true',)
    if r[5] in ('lockstep', 'gemm-java-4', 'gemm-native-4'):
        meas.setdefault(key, {})[r[5]] = float(r[6])
def shape(k):
    n, i, h, o, b = k
    first = h if h else o
    P = i * first + h * o + ((h + o) if b else 0)
    U = h + o
    fl = 4.0 * n * i * first + (6.0 * n * h * o if h else 0)
    return n, P, U, fl
keys = sorted(meas)
# lockstep: seconds = n (P + w U) / R
best = None
for w in np.arange(1, 30, 0.25):
    u = np.array([shape(k)[0] * (shape(k)[1] + w * shape(k)[2]) for k in keys])
    t = np.array([1 / meas[k]['lockstep'] for k in keys])
    R = np.exp(np.median(np.log(u / t)))
    err = np.sqrt(np.mean(np.log(u / R / t) ** 2))
    if best is None or err < best[0]: best = (err, w, R)
print('lockstep fit: w %.2f R %.3g rms log err %.3f' % (best[1], best[2], best[0]))
for which in ('gemm-java-4', 'gemm-native-4'):
    A = []; t = []
    for k in keys:
        n, P, U, fl = shape(k)
        if n < 32: continue
        tt = 1 / meas[k][which]
        A.append([fl / tt, n * U / tt, 1 / tt]); t.append(1.0)
    x, res = nnls(np.array(A), np.array(t))
    print(which, 'fit: flops/s %.3g, s per unit-row %.3g, s per epoch %.3g' % (1 / x[0] if x[0] else float('inf'), x[1], x[2]))
    globals()[which.replace('-', '_')] = x
w, R = best[1], best[2]
print('rows shape lockstep gemm-java gemm-native | model-lock model-gemm(native fit) choice')
xn = globals()['gemm_native_4']
for k in keys:
    n, P, U, fl = shape(k)
    ml = R / (n * (P + w * U)); mg = 1 / (fl * xn[0] + n * U * xn[1] + xn[2])
    m = meas[k]
    print(k, '%.0f %.0f %.0f | %.0f %.0f %s meas-best %s' % (m['lockstep'], m['gemm-java-4'], m['gemm-native-4'], ml, mg,
          'LOCK' if ml > mg else 'GEMM', 'LOCK' if m['lockstep'] > m['gemm-native-4'] else 'GEMM'))
