"""scikit-learn's HalvingGridSearchCV on the candidates of conf/halving.conf, for docs/benchmarks.md.

The estimator is the network nnsweep trains: one sigmoid hidden layer with bias, weights uniform in [0, 1),
full-batch gradient descent on E = 1/2 sum (O - T)^2, `epochs` updates, trained for 12 seeds at once (numpy,
vectorised over seeds); its score is minus the median over seeds of E on the test rows (the training rows for the
truth tables, where train = test). HalvingGridSearchCV's resource is `epochs`: it retrains every candidate from
scratch at each iteration. Usage: python bench/halving_sklearn.py [min_resources|exhaust]
"""
import sys
import time

import numpy as np
from sklearn.base import BaseEstimator
from sklearn.experimental import enable_halving_search_cv  # noqa: F401
from sklearn.model_selection import HalvingGridSearchCV, StratifiedShuffleSplit

EPOCHS_TRAINED = [0]


class SigmoidNet(BaseEstimator):
    def __init__(self, hidden=2, lr=0.5, epochs=100, seeds=12, standardise=False):
        self.hidden, self.lr, self.epochs, self.seeds, self.standardise = hidden, lr, epochs, seeds, standardise

    def fit(self, X, y):
        X = np.asarray(X, float)
        T = np.asarray(y, float).reshape(len(X), -1)
        if self.standardise:
            self.mu_, self.sd_ = X.mean(0), X.std(0) + 1e-12
            X = (X - self.mu_) / self.sd_
        rng = np.random.default_rng(0)
        s, n, i, h, o = self.seeds, len(X), X.shape[1], self.hidden, T.shape[1]
        wh, bh = rng.random((s, i, h)), rng.random((s, 1, h))
        wo, bo = rng.random((s, h, o)), rng.random((s, 1, o))
        sig = lambda z: 1 / (1 + np.exp(-z))
        for _ in range(self.epochs):
            a = sig(X @ wh + bh)
            out = sig(a @ wo + bo)
            d_out = (out - T) * out * (1 - out)
            d_hid = (d_out @ wo.transpose(0, 2, 1)) * a * (1 - a)
            wo -= self.lr * a.transpose(0, 2, 1) @ d_out
            bo -= self.lr * d_out.sum(1, keepdims=True)
            wh -= self.lr * X.T @ d_hid
            bh -= self.lr * d_hid.sum(1, keepdims=True)
        EPOCHS_TRAINED[0] += self.epochs * s
        self.w_ = (wh, bh, wo, bo)
        return self

    def score(self, X, y):
        X = np.asarray(X, float)
        if self.standardise:
            X = (X - self.mu_) / self.sd_
        T = np.asarray(y, float).reshape(len(X), -1)
        wh, bh, wo, bo = self.w_
        sig = lambda z: 1 / (1 + np.exp(-z))
        out = sig(sig(X @ wh + bh) @ wo + bo)
        e = 0.5 * ((out - T) ** 2).sum(axis=(1, 2))
        e[~np.isfinite(e)] = np.inf
        return -float(np.median(e))


def load(path, outputs):
    data = np.loadtxt(path, delimiter=",", skiprows=1)
    return data[:, :-outputs], data[:, -outputs:]


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else "min_resources"
    grid = {"hidden": [1, 2, 3, 4, 6, 8], "lr": [0.1, 0.3, 1.0, 3.0]}
    for name, path, outputs in [("parity-3", "data/parity-3.csv", 1), ("parity-4", "data/parity-4.csv", 1),
                                ("full-adder", "data/full-adder.csv", 2), ("iris", "data/iris.csv", 3)]:
        X, y = load(path, outputs)
        if name == "iris":
            split = StratifiedShuffleSplit(n_splits=1, test_size=0.2, random_state=0)
            cv = list(split.split(X, y.argmax(1)))
        else:
            cv = [(np.arange(len(X)), np.arange(len(X)))]
        EPOCHS_TRAINED[0] = 0
        search = HalvingGridSearchCV(SigmoidNet(standardise=name == "iris"), grid, resource="epochs",
                                     max_resources=8100, min_resources=300 if mode == "min_resources" else "exhaust",
                                     factor=3, cv=cv, refit=False)
        t0 = time.perf_counter()
        search.fit(X, y)
        wall = time.perf_counter() - t0
        print(f"{name}: iterations {search.n_iterations_}, candidates {search.n_candidates_}, epochs "
              f"{search.n_resources_}, network-epochs {EPOCHS_TRAINED[0]}, wall {wall:.1f} s, best "
              f"{search.best_params_}, score {-search.best_score_:.4g}")


if __name__ == "__main__":
    main()
