"""Times one run of the recogniser's graphs in ONNX Runtime (one thread): the whole emission
graph (batchable.py's export) against the sentence model alone and the token model over a few
new words, on four random sentences of 24 to 28 tokens. The figures behind split.py.

    python training/ner/time_graphs.py WHOLE.onnx DIR_WITH_SPLIT_FILES
"""
import os
import sys
import time

import numpy as np
import onnxruntime as ort


def main():
    whole_path, folder = sys.argv[1], sys.argv[2]
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1

    def session(path):
        return ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])

    whole = session(whole_path)
    sentences = session(os.path.join(folder, "ner-sentences.onnx"))
    tokens = session(os.path.join(folder, "ner-tokens.onnx"))
    rng = np.random.default_rng(1)
    b, t = 4, 28
    lengths = np.array([28, 26, 25, 24], np.int32)
    w = rng.integers(2, 20000, (b, t)).astype(np.int64)
    c = rng.integers(1, 8, (b, t)).astype(np.int64)
    ch = rng.integers(2, 80, (b, t, 20)).astype(np.int64)
    width = sentences.get_inputs()[0].shape[2]
    features = rng.random((b, t, width)).astype(np.float32)

    def micros(run, n=400):
        for _ in range(50):
            run()
        start = time.perf_counter()
        for _ in range(n):
            run()
        return (time.perf_counter() - start) / n * 1e6

    print(f"whole graph, 4 sentences: {micros(lambda: whole.run(None, {'word_ids': w, 'case_ids': c, 'char_ids': ch, 'lengths': lengths})):.0f} us")
    print(f"sentence model, same:     {micros(lambda: sentences.run(None, {'token_features': features, 'lengths': lengths})):.0f} us")
    for k in (1, 8, 32):
        feed = {"word_ids": w.reshape(-1)[:k], "case_ids": c.reshape(-1)[:k], "char_ids": ch.reshape(-1, 20)[:k]}
        print(f"token model, {k:2d} words:    {micros(lambda: tokens.run(None, feed)):.0f} us")


if __name__ == "__main__":
    main()
