"""Trains newsflow's paragraph model: gradient-boosted trees that judge the paragraphs the
clean stage's rules keep (story text or boilerplate), from ParagraphFeatures.

Reproducible: fixed seeds, data written by the Java side from the *tuning* pages of both
extraction benchmarks only (newsflow.eval.ParagraphDataset); validation pages never reach
this script. The decision threshold is chosen by cross-validation grouped by page, on the
tuning pages only. Output: the model JSON that ParagraphModel reads.

    python training/paragraphs/train.py paragraphs.csv src/main/resources/newsflow/clean/paragraph-model.json \
        --golden src/test/resources/newsflow/clean/paragraph-model-golden.json

Requires numpy and scikit-learn (CPU; a few seconds).
"""
import argparse
import csv
import json
import sys

import numpy as np
import sklearn
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.model_selection import GroupKFold

SEED = 20261206


def load(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    header, rows = rows[0], rows[1:]
    features = header[3:]
    X = np.array([[float(v) for v in r[3:]] for r in rows], dtype=np.float32)
    y = np.array([int(r[2]) for r in rows])
    groups = np.array([r[0] + ":" + r[1] for r in rows])
    sources = np.array([r[0] for r in rows])
    return features, X, y, groups, sources


def model(args):
    return GradientBoostingClassifier(n_estimators=args.trees, max_depth=args.depth,
                                      learning_rate=args.learning_rate, subsample=0.8,
                                      min_samples_leaf=20, random_state=SEED)


def weights(sources, web_weight):
    # News pages label every paragraph; web pages only those touching a segment. Each source's
    # boilerplate is what the rules failed to drop, so both matter; web rows weigh web_weight.
    return np.where(sources == "web", web_weight, 1.0)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("data")
    p.add_argument("out")
    p.add_argument("--trees", type=int, default=150)
    p.add_argument("--depth", type=int, default=3)
    p.add_argument("--learning-rate", type=float, default=0.1)
    p.add_argument("--web-weight", type=float, default=1.0)
    p.add_argument("--story-loss", type=float, default=0.01,
                   help="share of story paragraphs the threshold may drop, out of fold (default 0.01)")
    p.add_argument("--golden", default=None,
                   help="also write 50 feature rows with scikit-learn's probabilities, for the Java test")
    p.add_argument("--min-keep", type=float, default=None,
                   help="fixed threshold instead of the cross-validated one")
    args = p.parse_args()

    features, X, y, groups, sources = load(args.data)
    w = weights(sources, args.web_weight)
    print(f"{len(y)} paragraphs from {len(set(groups))} tuning pages: {y.sum()} story, {len(y) - y.sum()} boilerplate",
          file=sys.stderr)

    # Out-of-fold probabilities, grouped by page, to pick the threshold.
    oof = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=5).split(X, y, groups):
        m = model(args).fit(X[train], y[train], sample_weight=w[train])
        oof[test] = m.predict_proba(X[test])[:, 1]
    # Threshold: most boilerplate dropped while losing at most --story-loss of story paragraphs
    # (recall is what a dropped story paragraph costs; the rules already drop most chrome).
    best = 0.0
    for t in np.arange(0.02, 0.9, 0.01):
        story_lost = ((oof < t) & (y == 1)).sum() / max(1, (y == 1).sum())
        if story_lost <= args.story_loss:
            best = float(t)
    threshold = round(args.min_keep if args.min_keep is not None else best, 4)
    dropped = ((oof < threshold) & (y == 0)).sum() / max(1, (y == 0).sum())
    lost = ((oof < threshold) & (y == 1)).sum() / max(1, (y == 1).sum())
    print(f"threshold {threshold:.2f}: out of fold, {dropped:.3f} of boilerplate dropped, {lost:.3f} of story lost",
          file=sys.stderr)

    final = model(args).fit(X, y, sample_weight=w)
    prior = final.init_.class_prior_[1]
    trees = []
    for est in final.estimators_[:, 0]:
        t = est.tree_
        trees.append({
            "feature": [int(v) for v in t.feature],
            "threshold": [float(v) for v in t.threshold],
            "left": [int(v) for v in t.children_left],
            "right": [int(v) for v in t.children_right],
            "value": [float(v) for v in t.value[:, 0, 0]],
        })
    out = {
        "type": "gradient-boosted-trees",
        "features": features,
        "init": float(np.log(prior / (1 - prior))),
        "learning_rate": args.learning_rate,
        "threshold": threshold,
        "trees": trees,
        "training": {
            "paragraphs": int(len(y)), "pages": int(len(set(groups))), "story": int(y.sum()),
            "seed": SEED, "story_loss": args.story_loss, "trees": args.trees, "depth": args.depth, "web_weight": args.web_weight,
            "out_of_fold": {"boilerplate_dropped": float(dropped), "story_lost": float(lost)},
            "sklearn": sklearn.__version__, "numpy": np.__version__,
        },
    }
    # Check the export against scikit-learn on every row before writing.
    raw = out["init"] + args.learning_rate * sum(
        np.array([tree_value(tr, x) for x in X]) for tr in trees)
    ref = final.decision_function(X)
    assert np.allclose(raw, ref, atol=1e-6), "exported trees disagree with scikit-learn"
    with open(args.out, "w") as f:
        json.dump(out, f, separators=(",", ":"))
    if args.golden:
        rows = np.linspace(0, len(y) - 1, 50).astype(int)
        golden = [{"features": [float(v) for v in X[i]], "probability": float(final.predict_proba(X[i:i + 1])[0, 1])}
                  for i in rows]
        with open(args.golden, "w") as f:
            json.dump({"about": "scikit-learn's probabilities for 50 training rows (features only, no text); "
                                "ParagraphModelTest checks the Java model gives the same",
                       "rows": golden}, f, indent=1)
    imp = sorted(zip(final.feature_importances_, features), reverse=True)
    print("feature importances: " + ", ".join(f"{n} {v:.3f}" for v, n in imp[:12]), file=sys.stderr)


def tree_value(tr, x):
    i = 0
    while tr["left"][i] >= 0:
        i = tr["left"][i] if x[tr["feature"][i]] <= tr["threshold"][i] else tr["right"][i]
    return tr["value"][i]


if __name__ == "__main__":
    main()
