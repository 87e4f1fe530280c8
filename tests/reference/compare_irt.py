#!/usr/bin/env python3
"""Fitcheck's ability estimate against an established IRT package, on the same inputs.

Usage:
    cargo build --example measure_reference
    python3 tests/reference/compare_irt.py target/debug/examples/measure_reference
(or give the binary in the environment variable FITCHECK_MEASURE_REFERENCE).

Fitcheck (src/domain/measure/): 3PL on the 0..4 level scale,
P(right | L) = c + (1 - c) * sigma(a (L - b)), no 1.7 constant; prior N(2, 1) cut to [0, 4];
the estimate is the posterior mean (EAP) and its sd, summed over a grid of 161 points on
[0, 4] with trapezoid weights (the two end points count half). The binary examples/measure_reference prints them for each case.

Reference: girth (PyPI "girth", 0.8.x, by R. C. Sanchez, MIT licence), its
girth.ability_3pl_eap. What was matched, and how:
- Item response function: girth's own 3PL kernel (partial_integrals._compute_partial_integral_3pl)
  is c + (1 - c) / (1 + exp(-a (theta - b))) for a right answer and its complement for a wrong
  one: the same logistic, with no 1.7 constant, so a, b and c are passed through unchanged.
- Scale: girth takes the integration bounds as an option (quadrature_bounds), so theta is the
  level itself, bounds (0, 4); no shift or rescaling.
- Prior: girth takes the ability distribution as a callable (option "distribution"); here the
  pdf of scipy.stats.truncnorm cut at 0 and 4 with loc 2 and scale 1, i.e. N(2, 1) on [0, 4].
  Integrating only over [0, 4] is the truncation itself, so the prior is matched exactly.
- Integration: girth's Gauss-Legendre quadrature on [0, 4], with QUADRATURE_N nodes instead of
  its default 41 (the posterior of 40 steep items is narrow; 201 nodes make the reference
  integral exact to well below the tolerance).
- Posterior sd: girth returns only the mean. The second moment comes from the same function
  with the prior reweighted by theta: ability_3pl_eap with distribution theta * prior(theta)
  returns E[theta^2] / E[theta], so E[theta^2] is that times E[theta] (theta > 0 at every
  Gauss-Legendre node inside (0, 4), so nothing divides by zero), and
  sd = sqrt(E[theta^2] - E[theta]^2).
Responses are 0/1 only (girth's EAP takes no fractional credit).

Tolerance: 0.005 levels for the EAP and for the sd. What is left is the grid against
girth's quadrature: a grid 0.025 apart integrates the smooth posterior to well within that
(the largest difference seen is 0.0005). An earlier grid that gave the end points full weight
was off by up to 0.0105 on 40-item all-right or all-wrong patterns; this comparison found it.

Exits 1 when any case is outside the tolerance; the last line is
"reference: N passed, M failed".
"""

import json
import math
import os
import random
import subprocess
import sys
import time
from importlib.metadata import version

import numpy as np
from scipy.stats import truncnorm

import girth

SEED = 20250611
LEVEL_MIN, LEVEL_MAX = 0.0, 4.0
PRIOR_MEAN, PRIOR_SD = 2.0, 1.0
QUADRATURE_N = 201
TOLERANCE_EAP = 0.005
TOLERANCE_SD = 0.005
ITEM_COUNTS = (3, 6, 14, 40)
GUESSING = (0.0, 0.2, 0.25, 0.33)


def make_cases():
    """About 30 fixed cases: for each test length, fresh items and seven response patterns."""
    rng = random.Random(SEED)

    def items(n):
        return [
            {
                "a": round(rng.uniform(0.4, 2.0), 3),
                "b": round(rng.uniform(0.0, 4.0), 3),
                "c": rng.choice(GUESSING),
            }
            for _ in range(n)
        ]

    def simulated(item_set, level):
        """Answers of a candidate at `level`, drawn from the 3PL."""
        out = []
        for it in item_set:
            p = it["c"] + (1 - it["c"]) / (1 + math.exp(-it["a"] * (level - it["b"])))
            out.append(1 if rng.random() < p else 0)
        return out

    cases = [{"label": "no answers (prior)", "items": [], "responses": []}]
    for n in ITEM_COUNTS:
        patterns = [
            ("all right", lambda s: [1] * len(s)),
            ("all wrong", lambda s: [0] * len(s)),
            ("alternating 1010", lambda s: [(i + 1) % 2 for i in range(len(s))]),
            ("alternating 0101", lambda s: [i % 2 for i in range(len(s))]),
            ("random coin flips", lambda s: [rng.randint(0, 1) for _ in s]),
            ("simulated at 0.7", lambda s: simulated(s, 0.7)),
            ("simulated at 3.2", lambda s: simulated(s, 3.2)),
        ]
        for label, pattern in patterns:
            item_set = items(n)
            cases.append({"label": label, "items": item_set, "responses": pattern(item_set)})
    # Steep, unguessable items answered all right: the posterior piles hardest against 4.
    steep = [{"a": 2.0, "b": round(0.1 * i, 3), "c": 0.0} for i in range(40)]
    cases.append({"label": "all right, steep, c = 0", "items": steep, "responses": [1] * 40})
    return cases


def fitcheck(binary, cases):
    payload = json.dumps(
        {"cases": [{"items": c["items"], "responses": c["responses"]} for c in cases]}
    )
    try:
        run = subprocess.run(
            [binary], input=payload, capture_output=True, text=True, check=False, timeout=120
        )
    except OSError as e:
        sys.exit(f"compare_irt: could not run {binary}: {e}")
    if run.returncode != 0:
        sys.exit(f"compare_irt: {binary} failed ({run.returncode}): {run.stderr.strip()}")
    out = json.loads(run.stdout)["cases"]
    if len(out) != len(cases):
        sys.exit(f"compare_irt: {binary} answered {len(out)} cases of {len(cases)}")
    return out


def prior_pdf(theta):
    lo = (LEVEL_MIN - PRIOR_MEAN) / PRIOR_SD
    hi = (LEVEL_MAX - PRIOR_MEAN) / PRIOR_SD
    return truncnorm.pdf(theta, lo, hi, loc=PRIOR_MEAN, scale=PRIOR_SD)


def reference(case):
    """Posterior mean and sd from girth.ability_3pl_eap (see the module docstring)."""
    n = len(case["items"])
    dataset = np.array(case["responses"], dtype=float).reshape(n, 1)
    a = np.array([it["a"] for it in case["items"]], dtype=float)
    b = np.array([it["b"] for it in case["items"]], dtype=float)
    c = np.array([it["c"] for it in case["items"]], dtype=float)

    def eap(distribution):
        options = {
            "distribution": distribution,
            "quadrature_bounds": (LEVEL_MIN, LEVEL_MAX),
            "quadrature_n": QUADRATURE_N,
        }
        return float(np.squeeze(girth.ability_3pl_eap(dataset, b, a, c, options)))

    mean = eap(prior_pdf)
    second = eap(lambda theta: theta * prior_pdf(theta)) * mean
    return mean, math.sqrt(max(second - mean * mean, 0.0))


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("FITCHECK_MEASURE_REFERENCE")
    if not binary:
        sys.exit(
            "compare_irt: give the measure_reference binary as the first argument or in "
            "FITCHECK_MEASURE_REFERENCE (cargo build --example measure_reference)"
        )
    started = time.monotonic()
    cases = make_cases()
    ours = fitcheck(binary, cases)

    print(
        f"Fitcheck vs girth {version('girth')} ability_3pl_eap: 3PL without 1.7, "
        f"prior N({PRIOR_MEAN:g}, {PRIOR_SD:g}) cut to [{LEVEL_MIN:g}, {LEVEL_MAX:g}], "
        f"{QUADRATURE_N}-node Gauss-Legendre; tolerance EAP {TOLERANCE_EAP}, sd {TOLERANCE_SD}"
    )
    header = (
        f"{'case':>4}  {'pattern':<24} {'items':>5}  {'right':>5}  "
        f"{'EAP fc':>7} {'EAP ref':>7} {'|dEAP|':>7}  "
        f"{'SD fc':>6} {'SD ref':>6} {'|dSD|':>7}  ok"
    )
    print(header)
    print("-" * len(header))
    passed = failed = 0
    worst_eap = worst_sd = 0.0
    for i, (case, mine) in enumerate(zip(cases, ours)):
        ref_eap, ref_sd = reference(case)
        d_eap = abs(mine["eap"] - ref_eap)
        d_sd = abs(mine["sd"] - ref_sd)
        worst_eap, worst_sd = max(worst_eap, d_eap), max(worst_sd, d_sd)
        ok = d_eap <= TOLERANCE_EAP and d_sd <= TOLERANCE_SD
        passed, failed = passed + ok, failed + (not ok)
        print(
            f"{i:>4}  {case['label']:<24} {len(case['items']):>5}  "
            f"{sum(case['responses']):>5}  "
            f"{mine['eap']:>7.4f} {ref_eap:>7.4f} {d_eap:>7.4f}  "
            f"{mine['sd']:>6.4f} {ref_sd:>6.4f} {d_sd:>7.4f}  {'yes' if ok else 'NO'}"
        )
    print("-" * len(header))
    print(
        f"largest |dEAP| {worst_eap:.4f} (tolerance {TOLERANCE_EAP}), "
        f"largest |dSD| {worst_sd:.4f} (tolerance {TOLERANCE_SD}), "
        f"{len(cases)} cases in {time.monotonic() - started:.2f} s"
    )
    print(f"reference: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
