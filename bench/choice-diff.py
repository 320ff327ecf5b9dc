# Where the kernel choice moves between two sets of cost-model constants (nn/Kernel: the 2026-12-07 fit on OpenBLAS's
# Haswell kernels with 32 lockstep lanes, and the re-fit the same day on its SkylakeX kernels with 64 lanes) over a
# generic grid of shapes: prints the count and examples per row count.
#   python3 bench/choice-diff.py
import itertools
def shape(n,i,h,o,b=True):
    first = h if h else o
    P = i*first + h*o + ((h+o) if b else 0); U = h+o
    fl = 4.0*n*i*first + (6.0*n*h*o if h else 0)
    return P,U,fl
def old(n,i,h,o,b=True):
    P,U,fl = shape(n,i,h,o,b)
    lock = n*(P+9.5*U)/2.9e9; gemm = fl/42e9 + n*U*2.6e-9 + 1.0e-6
    return 'G' if gemm < lock else 'L'
def new(n,i,h,o,b=True, R=3.4e9, w=6.75, F=71e9, c=1.8e-9, e=0.67e-6):
    P,U,fl = shape(n,i,h,o,b)
    lock = n*(P+w*U)/R; gemm = fl/F + n*U*c + e
    return 'G' if gemm < lock else 'L'
diff = {}
tot = 0
for n in [4,8,16,24,32,48,64,96,128,150,200,256,400,569,1000,2000,5000,16000]:
  for i in [2,3,4,6,8,13,16,30,64,180]:
    for h in [0,1,2,3,4,6,8,12,16,24,32,48,64,100]:
      for o in [1,2,3,7,10,26]:
        for b in [True, False]:
          tot += 1
          a, c = old(n,i,h,o,b), new(n,i,h,o,b)
          if a != c: diff.setdefault(n, []).append((i,h,o,b,a+'->'+c))
print(tot)
for n in sorted(diff): print(n, len(diff[n]), diff[n][:8])
