"""Quantises the sentence model (BiLSTM and linear layer) to 8-bit integer weights.

After split.py and the word cache, the BiLSTM is most of what the recogniser costs on new text:
a float recurrence near the CPU's peak. ONNX Runtime's dynamic quantisation stores the LSTM's and
the linear layer's weights as int8 (one scale per tensor) and quantises the activations at run
time, so the recurrence runs as integer matrix products (LSTM -> DynamicQuantizeLSTM, MatMul ->
MatMulInteger). Weights use 7 bits (reduce_range): CPUs without VNNI multiply uint8 by int8 in
pairs that saturate 16 bits at 8-bit weights, so with 7 bits every CPU computes the same
integers. The token model stays in floats: its features are what the JVM keeps per word.

What it costs, measured (MODEL_CARD.md and BENCHMARKS.md): no F1 lost beyond 0.0003 on the
model-choice part, the held-out fifth and the modern holdout, for the stage and the model alone
(on the held-out fifth it gained up to 0.002); four sentences of 24-28 tokens in 360 instead of
810 microseconds (ONNX Runtime, one thread). One thing changes in kind: the activations' scale is
taken over the whole batch, so a sentence's scores move a little with the sentences it shares a
run with (about 0.07 % of tokens change tag between alone and batched). Integer rounding also
magnifies float differences between CPUs and runtime versions, so scores agree across machines
to about 1e-2, not 1e-5.

Before the file is replaced, ONNX Runtime checks on random sentences of frequent words (features
from the token model, padded batches of four and batches of one) that the quantised model picks
the float model's best tag for at least 99 % of tokens; the figure is printed beside the share of
tokens whose best tag is O (a model that always said O would reach that). It is a check that
quantisation did not break the model; the F1 figures come from the JVM's harness.

    python training/ner/quantize.py src/main/resources/newsflow/entities/ner

rewrites ner-sentences.onnx in that folder; train.py calls quantize_folder on every export and
keeps the float sentence model in its output folder as ner-sentences-float.onnx (never copied to
the resources: the JVM reads only the quantised one). train.py then measures span F1 on the
model-choice part with span_f1 (ONNX Runtime, CoNLL's tokens, batched per document as the JVM
batches a text), for the float and the int8 sentence model, and stops if int8 loses more than 0.002.

    python training/ner/quantize.py --compare src/main/resources/newsflow/entities/ner FLOAT.onnx [VALID_TXT]

prints both figures for the shipped folder against a float sentence model (for the shipped one:
git show a7924b6:src/main/resources/newsflow/entities/ner/ner-sentences.onnx), on the
model-choice part and the held-out fifth of ../shared/data/conll2003/valid.txt.
"""
import os
import shutil
import sys
import tempfile

import numpy as np
import onnx

QUANTIZATION_KEY = "newsflow.quantization"
QUANTIZATION = "dynamic int8 (onnxruntime {version} quantize_dynamic: LSTM, MatMul; per tensor; reduce_range)"
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
    import onnxruntime
    props[QUANTIZATION_KEY] = QUANTIZATION.format(version=onnxruntime.__version__)
    del model.metadata_props[:]
    onnx.helper.set_model_props(model, props)
    onnx.checker.check_model(model)
    return model.SerializeToString()


def check(tokens_path, float_path, quantized, seed=20261206, sentences=400):
    """Over random sentences: the share of real tokens whose best tag is the float model's, and
    the share whose float best tag is O (tag 0), the level a model answering O would reach."""
    import onnxruntime as ort
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    tok = ort.InferenceSession(tokens_path, options, providers=["CPUExecutionProvider"])
    old = ort.InferenceSession(float_path, options, providers=["CPUExecutionProvider"])
    new = ort.InferenceSession(quantized, options, providers=["CPUExecutionProvider"])
    width = tok.get_inputs()[2].shape[1]
    vocabulary = 20_000  # frequent words: the vocabulary is ordered by frequency
    for p in onnx.load(tokens_path).graph.initializer:
        if p.name == "words.weight":
            vocabulary = min(vocabulary, p.dims[0])
    rng = np.random.default_rng(seed)
    agree = total = outside = 0
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
                outside += int((want[j, :m].argmax(-1) == 0).sum())
                total += int(m)
    return agree / total, outside / total


def span_f1(folder, documents, sentence_model=None, batch=4, window=64):
    """Span F1 over PER, ORG and LOC of the model in folder on CoNLL documents (lists of sentences
    of (word, tag)) on CoNLL's own tokens, batched as NeuralRecognizer batches a text: windows of
    64 sentences of one document, each sorted by length and scored four at a time (so the int8
    model's batch effects count), Viterbi over ner-crf.json.
    sentence_model: another sentence model file to use (the float one, to compare)."""
    import json
    import onnxruntime as ort
    import torch
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from train import TAGS, Crf, Encoder, spans  # noqa: E402
    encoder = Encoder.load(folder)
    crf = Crf(len(TAGS))
    with open(os.path.join(folder, "ner-crf.json"), encoding="utf-8") as f:
        crf.load_table(json.load(f))
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    tok = ort.InferenceSession(os.path.join(folder, "ner-tokens.onnx"), options, providers=["CPUExecutionProvider"])
    sen = ort.InferenceSession(sentence_model or os.path.join(folder, "ner-sentences.onnx"), options,
                               providers=["CPUExecutionProvider"])
    sentences, features, batches = [], [], []
    for doc in documents:
        for first in range(0, len(doc), window):
            ids = list(range(len(sentences), len(sentences) + len(doc[first:first + window])))
            sentences.extend(doc[first:first + window])
            ids.sort(key=lambda i: len(sentences[i]))  # stable, as Java's sort by length
            batches.extend(ids[k:k + batch] for k in range(0, len(ids), batch))
    for s in sentences:
        wid, cid, ch = encoder.encode([w for w, _ in s])
        features.append(tok.run(None, {"word_ids": np.array(wid), "case_ids": np.array(cid), "char_ids": ch})[0])
    tp = fp = fn = 0
    for rows in batches:
        lengths = np.array([len(sentences[i]) for i in rows], np.int32)
        x = np.zeros((len(rows), int(lengths.max()), features[rows[0]].shape[1]), np.float32)
        for b, i in enumerate(rows):
            x[b, :lengths[b]] = features[i]
        emissions = sen.run(None, {"token_features": x, "lengths": lengths})[0]
        for b, i in enumerate(rows):
            path = crf.decode(torch.from_numpy(emissions[b, :lengths[b]]))
            predicted = {x for x in spans([TAGS[j] for j in path]) if x[2] != "MISC"}
            gold = {x for x in spans([t for _, t in sentences[i]]) if x[2] != "MISC"}
            tp += len(predicted & gold)
            fp += len(predicted - gold)
            fn += len(gold - predicted)
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return 2 * p * r / max(1e-9, p + r)


def quantize_folder(folder, keep_float_in=None):
    """Replaces folder/ner-sentences.onnx by its quantised form; returns (agreement, share of O).
    With keep_float_in, the float sentence model is kept there as ner-sentences-float.onnx."""
    path = os.path.join(folder, "ner-sentences.onnx")
    if any(p.key == QUANTIZATION_KEY for p in onnx.load(path).metadata_props):
        raise SystemExit(f"{path} is quantised already")
    with tempfile.TemporaryDirectory() as tmp:
        float_path = os.path.join(tmp, "ner-sentences-float.onnx")
        shutil.copyfile(path, float_path)
        data = quantized_bytes(float_path)
        agreement, outside = check(os.path.join(folder, "ner-tokens.onnx"), float_path, data)
        if agreement < MIN_AGREEMENT:
            raise SystemExit(f"the quantised model agrees with the float one on {agreement:.4f} of tokens only")
        if keep_float_in is not None:
            shutil.copyfile(float_path, os.path.join(keep_float_in, "ner-sentences-float.onnx"))
    with open(path, "wb") as f:
        f.write(data)
    return agreement, outside


def main():
    if len(sys.argv) in (4, 5) and sys.argv[1] == "--compare":
        # python quantize.py --compare FOLDER FLOAT_SENTENCE_MODEL [VALID_TXT]
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        from train import heldout_documents, read_conll  # noqa: E402
        valid = sys.argv[4] if len(sys.argv) == 5 else os.path.join(
            os.path.dirname(os.path.abspath(__file__)), "../../../shared/data/conll2003/valid.txt")
        docs = read_conll(valid)
        held = set(heldout_documents(len(docs)))
        for name, part in (("model choice", [d for i, d in enumerate(docs) if i not in held]),
                           ("held-out fifth", [d for i, d in enumerate(docs) if i in held])):
            print(f"{name}: span F1 (PER/ORG/LOC) float {span_f1(sys.argv[2], part, sys.argv[3]):.4f}, "
                  f"shipped {span_f1(sys.argv[2], part):.4f}")
        return
    agreement, outside = quantize_folder(sys.argv[1])
    print(f"{sys.argv[1]}/ner-sentences.onnx quantised; best tag as the float model's on {agreement:.4f} of "
          f"tokens (the float model's best tag is O on {outside:.4f})")


if __name__ == "__main__":
    main()
