"""Splits the exported recogniser into a token model and a sentence model.

Everything before the BiLSTM depends on one token alone: its word vector (by the word's id), its
casing vector and its character CNN (by its characters). So a token's 160 input features are a
function of its text, and the JVM can keep them for the words it meets again and again ("the",
"said", "Reuters") instead of running the character CNN on every occurrence. This script cuts
the graph of batchable.py's export at that point:

  * ner-tokens.onnx     word_ids [tokens], case_ids [tokens], char_ids [tokens, 20]
                        -> token_features [tokens, 160]
  * ner-sentences.onnx  token_features [sentences, tokens, 160], lengths [sentences]
                        -> emissions [sentences, tokens, 9]

The weights are copied, not changed. Both files carry the SHA-256 of the graph they were cut from
(metadata "newsflow.source_sha256"): the JVM refuses a pair cut from different graphs. Before the
files are written, ONNX Runtime checks on random sentences (1 to 150 tokens, words of 1 to 25
characters, padded batches, zero features at padded positions as the JVM sends them, the token
model over each sentence's distinct words apart) that the token model followed by the sentence
model gives the original graph's scores (to 1e-5; the largest difference measured was 0).

    python training/ner/split.py src/main/resources/newsflow/entities/ner/ner.onnx

writes the two files beside the input; train.py calls split_model on every export.
"""
import hashlib
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper

FEATURES = "/Concat_2_output_0"
SOURCE_KEY = "newsflow.source_sha256"


def _initializer(graph, name):
    for t in graph.initializer:
        if t.name == name:
            return t
    raise SystemExit(f"the model has no initializer {name}")


def _feature_width(graph):
    """Word vector, casing vector and character filters: the BiLSTM's input width."""
    conv = [n for n in graph.node if n.op_type == "Conv"][0]
    return (_initializer(graph, "words.weight").dims[1] + _initializer(graph, "cases.weight").dims[1]
            + _initializer(graph, conv.input[1]).dims[0])


def token_model(model):
    """The embeddings and the character CNN, per token (no sentence dimension)."""
    g = model.graph
    conv = [n for n in g.node if n.op_type == "Conv"]
    if len(conv) != 1:
        raise SystemExit("expected one Conv node (the character CNN)")
    conv_attrs = {a.name: helper.get_attribute_value(a) for a in conv[0].attribute}
    width = g.input[2].type.tensor_type.shape.dim[2].dim_value
    inits = [_initializer(g, n) for n in ("words.weight", "cases.weight", "chars.weight",
                                          conv[0].input[1], conv[0].input[2])]
    nodes = [
        helper.make_node("Gather", ["words.weight", "word_ids"], ["words"]),
        helper.make_node("Gather", ["cases.weight", "case_ids"], ["cases"]),
        helper.make_node("Gather", ["chars.weight", "char_ids"], ["char_vectors"]),
        helper.make_node("Transpose", ["char_vectors"], ["char_channels"], perm=[0, 2, 1]),
        helper.make_node("Conv", ["char_channels", conv[0].input[1], conv[0].input[2]], ["char_conv"],
                         **conv_attrs),
        helper.make_node("Relu", ["char_conv"], ["char_relu"]),
        helper.make_node("ReduceMax", ["char_relu"], ["char_features"], axes=[2], keepdims=0),
        helper.make_node("Concat", ["words", "cases", "char_features"], ["token_features"], axis=1),
    ]
    features = _feature_width(g)
    graph = helper.make_graph(
        nodes, "ner-tokens",
        [helper.make_tensor_value_info("word_ids", TensorProto.INT64, ["tokens"]),
         helper.make_tensor_value_info("case_ids", TensorProto.INT64, ["tokens"]),
         helper.make_tensor_value_info("char_ids", TensorProto.INT64, ["tokens", width])],
        [helper.make_tensor_value_info("token_features", TensorProto.FLOAT, ["tokens", features])],
        initializer=inits)
    out = helper.make_model(graph, opset_imports=model.opset_import, producer_name="newsflow split.py")
    out.ir_version = model.ir_version
    onnx.checker.check_model(out)
    return out


def sentence_model(model):
    """The BiLSTM and the output layer, over token features and sentence lengths."""
    g = model.graph
    if not any(i.name == "lengths" for i in g.input):
        raise SystemExit("the model takes no lengths: run batchable.py first")
    producer = {o: n for n in g.node for o in n.output}
    if FEATURES not in producer or producer[FEATURES].op_type != "Concat":
        raise SystemExit(f"expected the token features as the output of a Concat named {FEATURES}")
    # The nodes downstream of the features (and the constants they read).
    needed, frontier = set(), ["emissions"]
    while frontier:
        name = frontier.pop()
        if name in needed or name == FEATURES or name not in producer:
            continue
        needed.add(name)
        frontier.extend(i for i in producer[name].input if i)
    nodes = [n for n in g.node if any(o in needed for o in n.output)]
    used = {i for n in nodes for i in n.input}
    inits = [t for t in g.initializer if t.name in used]
    features = _feature_width(g)
    renamed = []
    for n in nodes:
        copy = onnx.NodeProto()
        copy.CopyFrom(n)
        for k, i in enumerate(copy.input):
            if i == FEATURES:
                copy.input[k] = "token_features"
        renamed.append(copy)
    emissions = [o for o in g.output if o.name == "emissions"][0]
    graph = helper.make_graph(
        renamed, "ner-sentences",
        [helper.make_tensor_value_info("token_features", TensorProto.FLOAT, ["sentences", "tokens", features]),
         helper.make_tensor_value_info("lengths", TensorProto.INT32, ["sentences"])],
        [emissions], initializer=inits)
    out = helper.make_model(graph, opset_imports=model.opset_import, producer_name="newsflow split.py")
    out.ir_version = model.ir_version
    onnx.checker.check_model(out)
    return out


def check(original_path, tokens_bytes, sentences_bytes, seed=20261206, max_tokens=150):
    """The token model then the sentence model score random padded batches as the original
    graph does (to 1e-5); returns the largest difference."""
    import onnxruntime as ort
    rng = np.random.default_rng(seed)
    old = ort.InferenceSession(original_path, providers=["CPUExecutionProvider"])
    tok = ort.InferenceSession(tokens_bytes, providers=["CPUExecutionProvider"])
    sen = ort.InferenceSession(sentences_bytes, providers=["CPUExecutionProvider"])
    width = old.get_inputs()[2].shape[2]
    vocabulary = _initializer(onnx.load(original_path).graph, "words.weight").dims[0]
    worst = 0.0
    for rows in (12, 4, 1):
        lengths = rng.integers(1, max_tokens + 1, size=rows).astype(np.int32)
        lengths[0] = max_tokens if rows == 12 else lengths[0]
        t = int(lengths.max())
        w = np.zeros((rows, t), np.int64)
        c = np.zeros((rows, t), np.int64)
        ch = np.zeros((rows, t, width), np.int64)
        for b, n in enumerate(lengths):
            w[b, :n] = rng.integers(1, vocabulary, size=n)
            c[b, :n] = rng.integers(1, 8, size=n)
            for i in range(n):  # words of 1 to 25 characters: the rest of the 20 slots stays 0
                k = min(width, int(rng.integers(1, 26)))
                ch[b, i, :k] = rng.integers(1, 80, size=k)
        want = old.run(None, {"word_ids": w, "case_ids": c, "char_ids": ch, "lengths": lengths})[0]
        # As the JVM does: each sentence's distinct words through the token model, zeros where padded.
        feats = None
        for b, n in enumerate(lengths):
            keys = {}
            for i in range(n):
                keys.setdefault((int(w[b, i]), int(c[b, i]), ch[b, i].tobytes()), i)
            first = list(keys.values())
            got = tok.run(None, {"word_ids": w[b, first], "case_ids": c[b, first], "char_ids": ch[b, first]})[0]
            if feats is None:
                feats = np.zeros((rows, t, got.shape[1]), np.float32)
            index = {k: got[j] for j, k in enumerate(keys)}
            for i in range(n):
                feats[b, i] = index[(int(w[b, i]), int(c[b, i]), ch[b, i].tobytes())]
        got = sen.run(None, {"token_features": feats, "lengths": lengths})[0]
        for b, n in enumerate(lengths):
            worst = max(worst, float(np.abs(got[b, :n] - want[b, :n]).max()))
    if worst > 1e-5:
        raise SystemExit(f"the split models differ from the original by {worst}")
    return worst


def split_model(path):
    """Writes ner-tokens.onnx and ner-sentences.onnx beside the batchable export at path."""
    model = onnx.load(path)
    with open(path, "rb") as f:
        source = hashlib.sha256(f.read()).hexdigest()
    parts = []
    for part in (token_model(model), sentence_model(model)):
        onnx.helper.set_model_props(part, {SOURCE_KEY: source})
        parts.append(part.SerializeToString())
    tokens, sentences = parts
    worst = check(path, tokens, sentences)
    folder = os.path.dirname(os.path.abspath(path))
    for name, data in (("ner-tokens.onnx", tokens), ("ner-sentences.onnx", sentences)):
        with open(os.path.join(folder, name), "wb") as f:
            f.write(data)
    return worst


def main():
    worst = split_model(sys.argv[1])
    print(f"{sys.argv[1]}: split into ner-tokens.onnx and ner-sentences.onnx; largest difference {worst:.2e}")


if __name__ == "__main__":
    main()
