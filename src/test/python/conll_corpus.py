#!/usr/bin/env python3
"""Writes a news-like raw corpus for `./newsflow bench --corpus` from CoNLL-2003 documents.

    python3 src/test/python/conll_corpus.py ../shared/data/conll2003/train.txt > corpus.jsonl
    ./newsflow bench --corpus corpus.jsonl

Each Reuters document of the file becomes one `text` record (sentences detokenised, one
paragraph each, the first sentence as the title); a share of records (--copies, default 0.25)
repeat an earlier document under another URL, as syndicated copies do. Documents are joined in
pairs (--join 2) to come near the ~360 words of a BBC story. Deterministic (fixed seed). The
CoNLL text is not part of the repository; this script only reads it.
"""
import argparse
import json
import random
import re
import sys


def documents(path):
    doc, sentence = [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("-DOCSTART-"):
            if sentence:
                doc.append(sentence)
            if doc:
                yield doc
            doc, sentence = [], []
        elif not line.strip():
            if sentence:
                doc.append(sentence)
            sentence = []
        else:
            sentence.append(line.split(" ")[0])
    if sentence:
        doc.append(sentence)
    if doc:
        yield doc


def detokenise(tokens):
    s = " ".join(tokens)
    s = re.sub(r" ([.,:;!?%)\]}])", r"\1", s)
    s = re.sub(r"([(\[{$]) ", r"\1", s)
    s = re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", s)
    s = s.replace(' " ', ' "')
    return s


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("conll")
    ap.add_argument("--copies", type=float, default=0.25)
    ap.add_argument("--join", type=int, default=2)
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    docs = list(documents(args.conll))
    stories = []
    for i in range(0, len(docs) - args.join + 1, args.join):
        sentences = [detokenise(s) for d in docs[i:i + args.join] for s in d]
        stories.append((sentences[0], "\n\n".join(sentences[1:])))
    out, sent = sys.stdout, []
    n = 0
    for k, (title, text) in enumerate(stories):
        out.write(json.dumps({"url": f"https://conll.example/story/{k}", "title": title, "text": text}) + "\n")
        sent.append(k)
        n += 1
        if rng.random() < args.copies / (1 - args.copies) and len(sent) > 1:
            j = rng.choice(sent)
            out.write(json.dumps({"url": f"https://mirror.example/{n}", "title": stories[j][0], "text": stories[j][1]}) + "\n")
            n += 1


if __name__ == "__main__":
    main()
