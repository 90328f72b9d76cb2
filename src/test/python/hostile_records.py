#!/usr/bin/env python3
"""Writes careless and hostile raw records, one JSON line each, for `./newsflow process`.

    python3 src/test/python/hostile_records.py > hostile.jsonl
    ./newsflow process --out out.jsonl hostile.jsonl

Every record must end as exactly one article, duplicate or dead letter, in bounded time, with no
stream thread replaced (BENCHMARKS.md, "Robustness"). Deterministic (fixed seed); about 15 MB.
"""
import base64
import json
import random
import sys

random.seed(7)
out = sys.stdout.buffer
PROSE = "The council met on Monday in Port Aurel to discuss the harbour budget, officials said. "
WORDS = ["council", "harbour", "budget", "river", "mayor", "Police", "Road", "school", "Minister", "festival"]
FIRST = ["Ana", "Omar", "Ivan", "Marta", "Liu", "Sara", "Jon", "Eva"]
LAST = ["Keller", "Petrov", "Haddad", "Liu", "Moreau", "Silva", "Novak", "Berg"]


def line(record):
    out.write((record if isinstance(record, str) else json.dumps(record)).encode("utf-8") + b"\n")


def name():
    return random.choice(FIRST) + " " + random.choice(LAST)


line({"url": "https://h.example/1", "text": "x" * 500_000})                       # one huge token
line({"url": "https://h.example/2", "text": PROSE * 3 + base64.b64encode(random.randbytes(700_000)).decode() + " " + PROSE})
line({"url": "https://h.example/3", "text": " ".join(random.choice(WORDS) for _ in range(120_000))})  # no punctuation
line({"url": "https://h.example/4", "text": " ".join(name() for _ in range(30_000))})                 # name flood
line({"url": "https://h.example/5", "text": ", ".join(name() for _ in range(30_000)) + "."})
line('{"url":"https://h.example/6","text":"Lone \\ud800 surrogate and \\udfff another in the Port Aurel story. ' + PROSE + '"}')
line('{"url":"https://h.example/7","text":"first","text":"' + PROSE * 3 + '"}')    # duplicate key
line({"url": "https://h.example/8", "title": "T" * 1_000_000, "text": PROSE * 3})  # giant title
line({"url": "https://h.example/9", "html": "<div>" * 100_000 + "<p>" + PROSE * 5 + "</p>" + "</div>" * 100_000})
line({"url": "https://h.example/10", "html": "<html><body><p>" + PROSE + "</p>" + "<p>a</p>" * 200_000 + "</body></html>"})
for shape in ("{}", "[]", "42", "null", '"just a string"'):
    line(shape)
line({"url": "https://h.example/16", "text": "\u0000\u0001\u0002   \t\n\n  "})
line({"url": "https://h.example/17", "text": "Ana Liu said the plan would work. " * 20_000})
line({"url": "https://h.example/18", "text": "PORT AUREL HARBOUR COUNCIL BUDGET MEETING " * 5000})
line("[" * 100_000 + "]" * 100_000)                                                 # deep JSON
line({"url": "https://h.example/20", "text": PROSE * 3, "publishedAt": 99999999999999})
line({"url": "https://h.example/21", "text": PROSE * 3, "publishedAt": -1})
line({"url": "https://h.example/22", "text": PROSE * 3, "publishedAt": "yesterday-ish"})
line({"url": "h" * 1_000_000, "text": PROSE * 3})                                  # giant URL
line({"url": "https://h.example/24", "text": PROSE * 3, "html": "<p>both</p>"})
line({"url": "https://h.example/25", "text": "\u202e\u200b\ufeff" * 10000 + PROSE})
line({"url": "https://h.example/26", "html": "<script>" + "var a=1;" * 200_000 + "</script><p>" + PROSE * 4 + "</p>"})
line({"url": "https://h.example/27", "text": "".join(chr(random.randint(0x4e00, 0x9fff)) for _ in range(200_000))})
line({"url": "https://h.example/28", "text": "-" * 300_000 + "\n" + PROSE})
line({"url": "https://h.example/29", "text": "Mr. " * 100_000})
line({"url": "https://h.example/30", "text": "\n".join(name() for _ in range(50_000))})
line({"url": "https://h.example/31", "html": "<table>" + "<tr><td>Ana Liu</td><td>3</td></tr>" * 50_000 + "</table>"})
line({"url": "https://h.example/32", "text": "A" * 50 + " " + "word " * 100_000})
out.write(b'{"url":"https://h.example/bad-utf8","text":"caf\xe9 \xff\xfe au lait. ' + PROSE.encode() + b'"}\n')
