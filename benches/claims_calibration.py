#!/usr/bin/env python3
"""Calibration of the check-worthiness scores on a CT24 split: expected calibration error (ECE,
10 equal-width bins, weighted by size) and the reliability table.

Usage (from the project root, after `cargo build --profile eval`):
  python3 benches/claims_calibration.py --cmd "target/eval/article-lens claims --jsonl" --split dev-test

The command follows the protocol of ../shared/eval/score_claims.py (one {"id","text"} JSON line in,
one score or {"score": …} line out). Python 3 standard library only.
"""
import argparse
import csv
import json
import os
import subprocess
import sys

SPLITS = {'train': 'CT24_checkworthy_english_train.tsv', 'dev': 'CT24_checkworthy_english_dev.tsv',
          'dev-test': 'CT24_checkworthy_english_dev-test.tsv'}


def load(corpus, split):
    with open(os.path.join(corpus, SPLITS[split]), encoding='utf-8', newline='') as f:
        rows = [r for r in csv.DictReader(f, delimiter='\t') if (r.get('class_label') or '').strip() in ('Yes', 'No')]
    return [(r['Sentence_id'], r['Text'], r['class_label'].strip() == 'Yes') for r in rows]


def scores_of(cmd, rows):
    payload = ''.join(json.dumps({'id': i, 'text': t}, ensure_ascii=False) + '\n' for i, t, _ in rows)
    p = subprocess.run(cmd, shell=True, input=payload.encode(), stdout=subprocess.PIPE)
    if p.returncode:
        sys.exit(f'command exited {p.returncode}')
    out = [json.loads(line) for line in p.stdout.decode().splitlines() if line.strip()]
    if len(out) != len(rows):
        sys.exit(f'{len(out)} scores for {len(rows)} sentences')
    return [float(v['score'] if isinstance(v, dict) else v) for v in out]


def calibration_error(pairs, bins=10):
    """(ECE, table of (low, high, count, mean score, share positive))."""
    table = []
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = [(s, y) for s, y in pairs if lo <= s < hi or (b == bins - 1 and s == 1.0)]
        if inside:
            table.append((lo, hi, len(inside), sum(s for s, _ in inside) / len(inside),
                          sum(y for _, y in inside) / len(inside)))
    ece = sum(n / len(pairs) * abs(conf - acc) for _, _, n, conf, acc in table)
    return ece, table


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--cmd', required=True)
    ap.add_argument('--split', default='dev-test', choices=list(SPLITS))
    ap.add_argument('--corpus', default=os.path.join('..', 'shared', 'corpus', 'claims'))
    ap.add_argument('--bins', type=int, default=10)
    a = ap.parse_args()
    rows = load(a.corpus, a.split)
    pairs = list(zip(scores_of(a.cmd, rows), [y for _, _, y in rows]))
    ece, table = calibration_error(pairs, a.bins)
    for lo, hi, n, conf, acc in table:
        print(f'{lo:.1f}-{hi:.1f}  n={n:4d}  mean score {conf:.3f}  check-worthy {acc:.3f}')
    mean = sum(s for s, _ in pairs) / len(pairs)
    share = sum(y for _, y in pairs) / len(pairs)
    print(f'split={a.split}  n={len(pairs)}  ECE={ece:.4f}  mean score={mean:.3f}  share check-worthy={share:.3f}')


if __name__ == '__main__':
    main()
