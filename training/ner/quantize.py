"""Quantises the sentence model (BiLSTM and linear layer) to 8-bit integer weights.

After split.py and the word cache, the BiLSTM is most of what the recogniser costs on new text:
a float recurrence near the CPU's peak. ONNX Runtime's dynamic quantisation stores the LSTM's and
the linear layer's weights as int8 (one scale per tensor) and quantises the activations at run
time, so the recurrence runs as integer matrix products (LSTM -> DynamicQuantizeLSTM, MatMul ->
MatMulInteger). Weights use 7 bits (reduce_range): CPUs without VNNI multiply uint8 by int8 in
pairs that saturate 16 bits at 8-bit weights, so with 7 bits every CPU computes the same
integers. The token model stays in floats: its features are what the JVM keeps per word.

What it costs, measured (MODEL_CARD.md and BENCHMARKS.md): F1 within +-0.001 of the float model
on the model-choice part, the held-out fifth and the modern holdout; four sentences of 24-28
tokens in 360 instead of 810 microseconds (ONNX Runtime, one thread). One thing changes in kind:
the activations' scale is taken over the whole batch, so a sentence's scores move a little with
the sentences it shares a run with (about 0.1 % of tokens change tag between alone and batched;
the same text always gives the same scores, since the JVM batches within a text only).

Before the file is replaced, ONNX Runtime checks on random sentences (word features from the
token model, padded batches of four and batches of one) that the quantised model picks the float
model's best tag for almost every token; the figure is printed.

    python training/ner/quantize.py src/main/resources/newsflow/entities/ner

rewrites ner-sentences.onnx in that folder (keeping the float file as ner-sentences-float.onnx
beside it, for the record; the JVM reads only the quantised one); train.py calls quantize_folder
on every export.
"""
import os
import shutil
import sys
import tempfile

import numpy as np
import onnx

QUANTIZATION_KEY = "newsflow.quantization"
QUANTIZATION = "dynamic int8 (onnxruntime quantize_dynamic: LSTM, MatMul; per tensor; reduce_range)"
MIN_AGREEMENT = 0.99


def quantized_bytes(float_path):
    """The quantised sentence model, with the float model's metadata and a note of what was done."""
    from onnxruntime.quantization import QuantType, quantize_dynamic
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "q.onnx")
        quantize_dynamic(float_path, out, weight_type=QuantType.QInt8,
                         op_types_to_quantize=["LSTM", "MatMul"], reduce_range=True)
        model = onnx.load(out)
    props = {p.key: p.value for p in onnx.load(float_path).metadata_props}
    props[QUANTIZATION_KEY] = QUANTIZATION
    del model.metadata_props[:]
    onnx.helper.set_model_props(model, props)
    onnx.checker.check_model(model)
    return model.SerializeToString()


def check(tokens_path, float_path, quantized, seed=20261206, sentences=400):
    """Share of real tokens whose best tag is the float model's, over random sentences."""
    import onnxruntime as ort
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    tok = ort.InferenceSession(tokens_path, options, providers=["CPUExecutionProvider"])
    old = ort.InferenceSession(float_path, options, providers=["CPUExecutionProvider"])
    new = ort.InferenceSession(quantized, options, providers=["CPUExecutionProvider"])
    width = tok.get_inputs()[2].shape[1]
    vocabulary = 20_000  # frequent words: the vocabulary is ordered by frequency
    rng = np.random.default_rng(seed)
    agree = total = 0
    for first in range(0, sentences, 4):
        lengths = np.sort(rng.integers(1, 60, size=4))[::-1].astype(np.int32)
        t = int(lengths[0])
        feats = np.zeros((4, t, old.get_inputs()[0].shape[2]), np.float32)
        for b, n in enumerate(lengths):
            w = rng.integers(2, vocabulary, size=n)
            c = rng.integers(1, 8, size=n)
            ch = np.zeros((n, width), np.int64)
            for i in range(n):
                k = min(width, int(rng.integers(1, 15)))
                ch[i, :k] = rng.integers(2, 80, size=k)
            feats[b, :n] = tok.run(None, {"word_ids": w, "case_ids": c, "char_ids": ch})[0]
        for rows in (range(4), *([b] for b in range(4))):  # a batch of four, then each alone
            rows = list(rows)
            n = lengths[rows]
            x = feats[rows][:, :int(n.max())]
            want = old.run(None, {"token_features": x, "lengths": n})[0]
            got = new.run(None, {"token_features": x, "lengths": n})[0]
            for j, m in enumerate(n):
                agree += int((want[j, :m].argmax(-1) == got[j, :m].argmax(-1)).sum())
                total += int(m)
    return agree / total


def quantize_folder(folder):
    """Replaces folder/ner-sentences.onnx by its quantised form; the float one is kept beside it."""
    path = os.path.join(folder, "ner-sentences.onnx")
    float_path = os.path.join(folder, "ner-sentences-float.onnx")
    if any(p.key == QUANTIZATION_KEY for p in onnx.load(path).metadata_props):
        raise SystemExit(f"{path} is quantised already")
    shutil.copyfile(path, float_path)
    data = quantized_bytes(float_path)
    agreement = check(os.path.join(folder, "ner-tokens.onnx"), float_path, data)
    if agreement < MIN_AGREEMENT:
        raise SystemExit(f"the quantised model agrees with the float one on {agreement:.4f} of tokens only")
    with open(path, "wb") as f:
        f.write(data)
    return agreement


def main():
    agreement = quantize_folder(sys.argv[1])
    print(f"{sys.argv[1]}/ner-sentences.onnx quantised; best tag as the float model's on {agreement:.4f} of tokens")


if __name__ == "__main__":
    main()
