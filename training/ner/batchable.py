"""Makes the exported recogniser score several sentences in one run.

The export of train.py takes one sentence: its inputs have a batch dimension of 1 and its BiLSTM
reads every position. Padded into a batch, shorter sentences would run the backward LSTM over
padding first and come out different. This script

  * gives the inputs and the output a free batch dimension ("sentences"), and
  * adds an int32 input "lengths" (one per sentence) and wires it to the LSTM node's
    sequence_lens, so each sentence is read over its own tokens only, in both directions.

The weights are untouched. Before the file is written, ONNX Runtime checks on random sentences
(1 to 150 tokens) that each sentence's scores from a padded batch, a batch of one and a batch
without padding equal its scores alone in the original graph (to 1e-5).

    python training/ner/batchable.py OUT/ner.onnx

train.py calls make_batchable on every export; the file is changed in place and a second run
is refused (the graph already has "lengths").
"""
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper


def make_batchable(model):
    """The model with a free batch dimension and a "lengths" input driving the LSTM."""
    g = model.graph
    if any(i.name == "lengths" for i in g.input):
        raise SystemExit("the model already takes lengths")
    lstm = [n for n in g.node if n.op_type == "LSTM"]
    if len(lstm) != 1 or len(lstm[0].input) < 5 or lstm[0].input[4] != "":
        raise SystemExit("expected one LSTM node without sequence_lens")
    for v in list(g.input) + list(g.output):
        v.type.tensor_type.shape.dim[0].dim_param = "sentences"
    g.input.append(helper.make_tensor_value_info("lengths", TensorProto.INT32, ["sentences"]))
    lstm[0].input[4] = "lengths"
    onnx.checker.check_model(model)
    return model


def check(before_path, after_bytes, seed=20261206, sentences=12, max_tokens=150):
    """Each random sentence scores the same in a padded batch, in a batch of one and in a batch
    without padding as alone in the original graph (to 1e-5); returns the largest difference."""
    import onnxruntime as ort
    rng = np.random.default_rng(seed)
    old = ort.InferenceSession(before_path, providers=["CPUExecutionProvider"])
    new = ort.InferenceSession(after_bytes, providers=["CPUExecutionProvider"])
    width = old.get_inputs()[2].shape[2]

    def random_ids(n):
        return (rng.integers(2, 1000, size=n), rng.integers(1, 8, size=n), rng.integers(2, 80, size=(n, width)))

    def run_batch(rows):
        t = max(len(r[0]) for r in rows)
        w = np.zeros((len(rows), t), np.int64)
        c = np.zeros((len(rows), t), np.int64)
        ch = np.zeros((len(rows), t, width), np.int64)
        for b, (wi, ci, chi) in enumerate(rows):
            n = len(wi)
            w[b, :n], c[b, :n], ch[b, :n] = wi, ci, chi
        lengths = np.array([len(r[0]) for r in rows], np.int32)
        return new.run(None, {"word_ids": w, "case_ids": c, "char_ids": ch, "lengths": lengths})[0]

    def alone(row):
        wi, ci, chi = row
        return old.run(None, {"word_ids": wi[None], "case_ids": ci[None], "char_ids": chi[None]})[0][0]

    padded = [random_ids(int(n)) for n in rng.integers(1, max_tokens + 1, size=sentences)]
    padded[0] = random_ids(max_tokens)
    same = [random_ids(17) for _ in range(4)]
    worst = 0.0
    for rows in (padded, same, padded[:1], padded[1:2]):
        got = run_batch(rows)
        for b, row in enumerate(rows):
            n = len(row[0])
            worst = max(worst, float(np.abs(got[b, :n] - alone(row)).max()))
    if worst > 1e-5:
        raise SystemExit(f"batched scores differ from single-sentence scores by {worst}")
    return worst


def main():
    path = sys.argv[1]
    model = make_batchable(onnx.load(path))
    data = model.SerializeToString()
    worst = check(path, data)
    with open(path, "wb") as f:
        f.write(data)
    print(f"{path}: takes batches of sentences with their lengths; largest difference {worst:.2e}")


if __name__ == "__main__":
    main()
