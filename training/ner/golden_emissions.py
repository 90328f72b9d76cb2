"""Writes tag scores for a few sentences, for the JVM's test of its own path.

NeuralRecognizerTest encodes these sentences in Java (word ids, casing, character ids), runs the
token model and the sentence model with its word cache, and compares with the scores here:
"emissions" are what the shipped pair (split.py, then quantize.py) gives in ONNX Runtime with
train.py's own encoder, each sentence alone; "float_emissions" are what the original graph
(batchable.py's export, before split.py and quantize.py) gives. Long words, characters outside the
Basic Multilingual Plane, characters the model never saw and digits are among them.

    python training/ner/golden_emissions.py ORIGINAL.onnx src/main/resources/newsflow/entities/ner \\
        > src/test/resources/newsflow/entities/ner-golden.json

The original of the shipped files: git show 87da0b0:src/main/resources/newsflow/entities/ner/ner.onnx
"""
import hashlib
import json
import os
import sys

import numpy as np
import onnxruntime as ort

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from train import Encoder  # noqa: E402

SENTENCES = [
    "Angela Merkel met Emmanuel Macron in Paris on Tuesday .",
    "Zbigniew Brzezinski told Xiomara Castro in Tegucigalpa that Qualcomm would invest 4.5 billion dollars .",
    "The Donaudampfschifffahrtsgesellschaftskapitaen of Vienna resigned on Friday .",
    "Fans of Arsenal posted \U0001F600 and \U0001F3C6 after the 2-1 win over Chelsea .",
    "M\u00fcller and \u00d8degaard joined \u0141\u00f3d\u017a with \u0218tef\u0103nescu of \u201c Dinamo \u201d .",
    "SHARES IN BARCLAYS ROSE 12.5 PER CENT TO 1,234 PENCE IN 2026 .",
]


def main():
    original, folder = sys.argv[1], sys.argv[2]
    encoder = Encoder.load(folder)
    session = ort.InferenceSession(original, providers=["CPUExecutionProvider"])
    tokens = ort.InferenceSession(os.path.join(folder, "ner-tokens.onnx"), providers=["CPUExecutionProvider"])
    sentences = ort.InferenceSession(os.path.join(folder, "ner-sentences.onnx"), providers=["CPUExecutionProvider"])
    out = []
    for sentence in SENTENCES:
        words = sentence.split(" ")
        wid, cid, ch = encoder.encode(words)
        lengths = np.array([len(words)], np.int32)
        original_scores = session.run(None, {"word_ids": np.array([wid]), "case_ids": np.array([cid]),
                                             "char_ids": ch[None], "lengths": lengths})[0][0]
        features = tokens.run(None, {"word_ids": np.array(wid), "case_ids": np.array(cid), "char_ids": ch})[0]
        shipped = sentences.run(None, {"token_features": features[None], "lengths": lengths})[0][0]
        out.append({"tokens": words,
                    "emissions": [[round(float(x), 6) for x in row] for row in shipped],
                    "float_emissions": [[round(float(x), 6) for x in row] for row in original_scores]})
    with open(original, "rb") as f:
        source = hashlib.sha256(f.read()).hexdigest()
    json.dump({"source_sha256": source, "sentences": out}, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
