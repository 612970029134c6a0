#!/usr/bin/env python3
"""Compares ways to calibrate the check-worthiness model on the raw margins the trainer dumps.

Usage (from the project root):
  CLAIMS_DUMP=target/eval/claims-margins.tsv cargo run --profile eval --example train_claims -- ../shared/corpus/claims /tmp/w.bin
  python3 benches/claims_calibration_study.py target/eval/claims-margins.tsv

Each method is fitted on train's out-of-fold margins (grouped by debate) or on dev, never on
dev-test; dev-test is only reported. Printed per method: ECE and mean score on dev and dev-test,
dev-test F1 at 0.5 and at dev's F1-best threshold, and AP. Also: label-shift adaptation by EM
(Saerens et al. 2002) on the unlabelled inputs of a split, and forward chaining on train (fit
on earlier folds, score the next). Python 3 standard library only.
"""
import math
import sys
from collections import defaultdict


def sig(z):
    return 1 / (1 + math.exp(-max(-50.0, min(50.0, z))))


def ece(pairs, bins=10):
    b = defaultdict(list)
    for p, y in pairs:
        b[min(int(p * bins), bins - 1)].append((p, y))
    return sum(abs(sum(p for p, _ in v) - sum(y for _, y in v)) for v in b.values()) / len(pairs)


def platt(ms, ys):
    """Platt scaling with smoothed targets, by Newton steps: (slope, offset)."""
    pos = sum(ys)
    neg = len(ys) - pos
    hi, lo = (pos + 1) / (pos + 2), 1 / (neg + 2)
    a, b = 1.0, 0.0
    for _ in range(100):
        ga = gb = hab = 0.0
        haa = hbb = 1e-9
        for m, y in zip(ms, ys):
            p = sig(a * m + b)
            d, w = p - (hi if y else lo), p * (1 - p)
            ga += d * m
            gb += d
            haa += w * m * m
            hab += w * m
            hbb += w
        det = haa * hbb - hab * hab
        a -= (hbb * ga - hab * gb) / det
        b -= (haa * gb - hab * ga) / det
    return a, b


def temperature(ms, ys):
    """One slope, no offset (the model's bias stays in the margin)."""
    a = 1.0
    for _ in range(100):
        g = sum((sig(a * m) - y) * m for m, y in zip(ms, ys))
        h = sum(sig(a * m) * (1 - sig(a * m)) * m * m for m in ms) + 1e-9
        a -= g / h
    return a, 0.0


def isotonic(ms, ys):
    """Pool-adjacent-violators, interpolated between block centres."""
    blocks = []
    for m, y in sorted(zip(ms, ys)):
        blocks.append([m, m, y, 1])
        while len(blocks) > 1 and blocks[-2][2] / blocks[-2][3] >= blocks[-1][2] / blocks[-1][3]:
            b2 = blocks.pop()
            b1 = blocks[-1]
            b1[1], b1[2], b1[3] = b2[1], b1[2] + b2[2], b1[3] + b2[3]
    xs = [((b[0] + b[1]) / 2, b[2] / b[3]) for b in blocks]

    def f(m):
        if m <= xs[0][0]:
            return xs[0][1]
        if m >= xs[-1][0]:
            return xs[-1][1]
        for (x0, p0), (x1, p1) in zip(xs, xs[1:]):
            if x0 <= m <= x1:
                return p0 + (p1 - p0) * (m - x0) / (x1 - x0 + 1e-12)
    return f


def ap(pairs):
    pairs = sorted(pairs, key=lambda t: -t[0])
    pos = sum(y for _, y in pairs)
    tp, s = 0, 0.0
    for i, (_, y) in enumerate(pairs):
        if y:
            tp += 1
            s += tp / (i + 1)
    return s / pos


def f1_at(pairs, t):
    tp = sum(1 for p, y in pairs if p >= t and y)
    called = sum(1 for p, _ in pairs if p >= t)
    return 2 * tp / (called + sum(y for _, y in pairs))


def em_prior(probs, prior):
    """Saerens et al.: the base rate of unlabelled inputs and the adjusted probabilities."""
    q = prior
    adj = probs
    for _ in range(100):
        adj = [p * q / prior / (p * q / prior + (1 - p) * (1 - q) / (1 - prior)) for p in probs]
        q = sum(adj) / len(adj)
    return q, adj


def main():
    rows = defaultdict(list)
    for line in open(sys.argv[1], encoding='utf-8'):
        split, sid, fold, m, y = line.rstrip('\n').split('\t')
        rows[split].append((int(sid), fold, float(m), int(y)))
    tr, dv, dt = sorted(rows['train']), rows['dev'], rows['dev-test']
    M = lambda r: [x[2] for x in r]
    Y = lambda r: [x[3] for x in r]
    last = [r for r in tr if r[1] == max(x[1] for x in tr)]

    def show(name, cal):
        pd = [(cal(m), y) for _, _, m, y in dv]
        pt = [(cal(m), y) for _, _, m, y in dt]
        t = max(sorted(set(p for p, _ in pd)), key=lambda t: f1_at(pd, t))
        print(f"{name:30s} dev ECE {ece(pd):.3f} mean {sum(p for p, _ in pd) / len(pd):.3f} | dev-test ECE {ece(pt):.3f} "
              f"mean {sum(p for p, _ in pt) / len(pt):.3f} F1@0.5 {f1_at(pt, .5):.3f} F1@dev-best({t:.2f}) {f1_at(pt, t):.3f} "
              f"AP {ap(pt):.3f}")

    print(f"share check-worthy: train {sum(Y(tr)) / len(tr):.3f}, dev {sum(Y(dv)) / len(dv):.3f}, "
          f"dev-test {sum(Y(dt)) / len(dt):.3f}")
    for name, (a, b) in [('Platt, latest fold of train', platt(M(last), Y(last))),
                         ('Platt, all train folds', platt(M(tr), Y(tr))),
                         ('Platt, train folds + dev', platt(M(tr) + M(dv), Y(tr) + Y(dv))),
                         ('Platt, dev', platt(M(dv), Y(dv))),
                         ('temperature, train folds', temperature(M(tr), Y(tr))),
                         ('temperature, dev', temperature(M(dv), Y(dv)))]:
        show(f"{name} ({a:.2f}, {b:.2f})", lambda m, a=a, b=b: sig(a * m + b))
    show('isotonic, train folds', isotonic(M(tr), Y(tr)))
    show('isotonic, dev', isotonic(M(dv), Y(dv)))
    a, b = platt(M(tr), Y(tr))
    prior = sum(Y(tr)) / len(tr)
    for name, split in [('dev', dv), ('dev-test', dt)]:
        q, adj = em_prior([sig(a * m + b) for m in M(split)], prior)
        pairs = list(zip(adj, Y(split)))
        print(f"EM base rate of {name}'s inputs (Platt, all train folds): {q:.3f}; after adjustment ECE {ece(pairs):.3f}")
    folds = sorted(set(r[1] for r in tr))
    for k in range(2, len(folds)):
        ev = [r for r in tr if r[1] == folds[k]]
        earlier = [r for r in tr if r[1] < folds[k]]
        latest = [r for r in tr if r[1] == folds[k - 1]]
        for name, (a, b) in [('all earlier folds', platt(M(earlier), Y(earlier))),
                             ('the fold before', platt(M(latest), Y(latest)))]:
            pr = [(sig(a * m + b), y) for _, _, m, y in ev]
            print(f"forward chaining: fold {folds[k]} (share {sum(Y(ev)) / len(ev):.3f}) calibrated on {name:18s} "
                  f"ECE {ece(pr):.3f} mean {sum(p for p, _ in pr) / len(pr):.3f}")


if __name__ == '__main__':
    main()
