/**
 * Near-duplicate and rewrite detection: the algorithmic core of the DEDUPE stage.
 *
 * <p>Everything here is pure Java with no Kafka dependency, so that the streaming stage
 * ({@code newsflow.dedupe.stage}) can call it from a processor and the offline evaluation
 * ({@code newsflow.eval.DedupeEvaluation}) can call it from a loop. Three calls make the whole
 * contract:
 * <pre>{@code
 * Fingerprinter fp = new Fingerprinter(DedupeTuning.defaults());
 * Fingerprint f    = fp.fingerprint(id, cleanArticle, recordTimestampMillis); // once per article
 * long[] keys      = fp.candidateKeys(f);      // index f under each key, look up candidates
 * Match m          = new Verifier(tuning).verify(f, other);   // NONE, EXACT, NEAR, REWRITE
 * }</pre>
 *
 * <h2>1. What is a relation</h2>
 * <ul>
 *   <li><b>EXACT</b>: the normalised token sequences are equal (case, punctuation and
 *       whitespace ignored). Dropped.</li>
 *   <li><b>NEAR</b>: the same text with small differences: another site's chrome left over,
 *       a truncated copy, a few words edited, a paragraph dropped or moved. Dropped, with the
 *       similarity.</li>
 *   <li><b>REWRITE</b>: a copy whose wording was changed on purpose (synonym spinning,
 *       paraphrase) or one article condensed from another. Kept, linked with a score, same
 *       story id.</li>
 *   <li>Two different stories about the same people or event are never linked: sharing names
 *       is not evidence; sharing the sequence of what is said about them is.</li>
 * </ul>
 *
 * <h2>2. Fingerprint (one per article, computed once)</h2>
 * The body is tokenised in one pass (letters and digits, lower-cased with
 * {@link java.lang.Character#toLowerCase(char)}, which is locale-independent; everything else
 * separates tokens; in scripts written without spaces, Han, kana, Thai, each character is a
 * token). Sentences end at paragraph breaks and at {@code . ! ?} followed by a
 * space. Each token gets a 64-bit hash; stopwords (a fixed English list) and <i>anchors</i>
 * (capitalised words not at a sentence start, and tokens with digits) are flagged.
 * The {@link newsflow.dedupe.Fingerprint} keeps:
 * <ul>
 *   <li>event time (parsed {@code publishedAt}, else the record timestamp) and the id;</li>
 *   <li>a hash of the whole normalised token sequence (EXACT);</li>
 *   <li>a MinHash signature of the word-shingle set ({@code k} 32-bit values);</li>
 *   <li>the token sequence as 16-bit codes (stopwords get their list index, other words a
 *       hash), capped at {@code maxTokens}, with sentence boundaries: this is what the
 *       verifier reads, so verification needs no other store and no text;</li>
 *   <li>the rewrite candidate keys (they need capitalisation, which the codes drop).</li>
 * </ul>
 * Size: about 2 bytes per word plus {@code 4k} bytes plus 8 bytes per stored key; measured on
 * the evaluation corpus (bodies of 800 words on average): 2.36 KB per article with
 * {@link newsflow.dedupe.FingerprintCodec}, about half the size of the text.
 *
 * <h2>3. Candidate generation (keys)</h2>
 * Every key is a 64-bit value; its top two bits name its family, so the stage can apply a
 * per-family bucket cap. An article is a candidate of another when they share at least one
 * key. Four families:
 * <ol>
 *   <li><b>MinHash bands</b> over word {@code w}-shingles (near duplicates). The signature has
 *       {@code k = b * r} values, computed with one-permutation hashing (one hash per shingle,
 *       {@code k} bins, empty bins filled by rotation), so the cost is linear in the text and
 *       not in {@code k}. Two texts with shingle Jaccard {@code s} share at least one band with
 *       <pre>  P[candidate] = 1 - (1 - s^r)^b</pre>
 *       The default {@code w = 3, b = 32, r = 4} puts the S-curve's midpoint near
 *       {@code (1/b)^(1/r) = 0.42}: P = 0.23 at s = 0.3, 0.87 at s = 0.5, 0.99 at s = 0.6,
 *       and 0.0002 at s = 0.05 (two unrelated texts on the same topic). The web-scale setting
 *       (5-grams, b = 14, r = 8) has its midpoint near 0.72, which is why it misses truncated
 *       and spun copies: their Jaccard is far below 0.7 even when the copy is obvious.</li>
 *   <li><b>Sentence keys</b> (containment: truncations, dropped or moved paragraphs, chrome):
 *       the hash of each sentence of at least {@code minSentenceTokens} tokens. Only the
 *       {@code sentenceKeys} smallest hashes are kept (a bottom-k sample) plus the first two
 *       sentences (truncations keep the lead). Bottom-k is subset-stable: if a copy keeps a
 *       fraction {@code f} of the sentences, the original's bottom-k sentences that fall in the
 *       kept part are also in the copy's bottom-k, so they share a key with probability
 *       {@code 1 - (1 - f)^k} or more (0.94 for f = 0.3, k = 8), and always when the lead is
 *       kept.</li>
 *   <li><b>Anchor-pair keys</b> (rewrites): within each sentence, every unordered pair of
 *       distinct anchors (names, numbers) at most two anchors apart ("Dmitry Peskov",
 *       "Xi Jinping ... Donald Trump"). A spinner or a paraphrase changes common words, not
 *       names and numbers, so these pairs survive while 3-gram shingles and whole sentences
 *       break. Sampled by hash value (kept when the hash is in the lowest quarter of the range,
 *       at most {@code anchorKeys} = 64, about 20 per article): unlike a bottom-k sample this
 *       keeps each shared pair with probability 1/4 whatever the two lengths, so a short
 *       condensed copy still meets its long original (seeds 004 and 002 share 53 pairs, about
 *       13 keys; P[miss] = (3/4)^53 &lt; 10^-6). Different stories about the same people share
 *       pairs too (14 to 38 among seeds 000, 001, 004): they become candidates and the
 *       verifier rejects them.</li>
 *   <li><b>Content-word bands</b> (rewrites): MinHash bands ({@code b2} bands of {@code r2}
 *       rows) over the set of non-stopword unigrams, which a spinner only partly replaces.</li>
 * </ol>
 * Keys find candidates; they decide nothing. Same-topic articles collide on anchor keys by
 * design (they name the same people); the verifier rejects them.
 *
 * <h2>4. Verification ({@link newsflow.dedupe.Verifier})</h2>
 * Deterministic and symmetric: {@code verify(a, b)} and {@code verify(b, a)} give the same
 * result; the original is the one with the earlier event time, then the smaller id.
 * <ol>
 *   <li>Equal exact hashes: EXACT.</li>
 *   <li>Exact word 3-shingle sets (from the stored token codes): Jaccard {@code J} and
 *       containment of the smaller in the larger {@code C}. NEAR when {@code J >= 0.75} or
 *       {@code C >= 0.82} (truncation, chrome, dropped paragraph); similarity is
 *       {@code max(J, C)}. Measured: 2% of words edited gives C of 0.87 to 1; a spin that
 *       changes 10% or more of the words gives C of 0.49 to 0.81. Between 3% and 10% changed
 *       words the two labels are a matter of definition.</li>
 *   <li><b>Partial syndication</b> (an outlet runs the first paragraphs of a wire story in its
 *       own template, adds a paragraph or a "read more", and cuts the rest): the copy shares a
 *       large part of its own text with the original but a small part of the original, so
 *       neither Jaccard nor the 0.82 containment sees it. The original's <i>opening</i> is its
 *       long sentences (at least {@code minSentenceTokens} tokens) from the first on, for as
 *       long as the copy holds them (80% of a sentence's shingles). NEAR when the copy is not
 *       longer than the original, the opening holds at least {@code minAlignedSentences}
 *       sentences and {@code partialCoverage} (0.25) of the original's long-sentence words, and
 *       at least {@code partialContainment} (0.45) of the copy's long-sentence words lie in that
 *       opening; similarity is the latter. Of two texts with the same event time (pages dated
 *       to the day) the longer is the original, not the one with the smaller id; an earlier,
 *       shorter text is never dropped for a later, longer one (a stub and its full story). Measuring against the opening, not the whole
 *       original, is what keeps quotation apart from syndication: a roundup that quotes a few
 *       sentences of several stories, two roundups sharing an intro line and some quotes, and
 *       two stories sharing an agency footer share text away from the start of one of them,
 *       and their opening ends where the first run of consecutive quoted sentences ends. A
 *       digest that quotes the first three sentences of each of two stories can still reach
 *       0.45 against the first of them (measured on no corpus here; a known limit). This follows the inverted pyramid of wire
 *       copy (outlets cut from the bottom); a copy that keeps the middle of a story and drops
 *       its lead is not caught by this rule. Thresholds chosen on the tuning part of
 *       {@code newsflow.eval.SyndicationCorpus}; figures in BENCHMARKS.md.</li>
 *   <li>Otherwise, when at least 30% of the smaller content-word set is in the other (a cheap
 *       bound), sentence alignment for REWRITE: each sentence of the shorter text (4 content
 *       words or more) is paired with its most similar sentence of the longer one (Dice over
 *       content words &gt;= 0.45, at least 3 shared); only an order-preserving chain of pairs
 *       counts (heaviest strictly increasing subsequence), which is what separates a rewrite
 *       (same statements in the same order) from a different story about the same people
 *       (same names, different statements, no order). Score = share of the shorter text's
 *       content words in the chain. REWRITE when the score is &gt;= 0.5, the chain has 3
 *       sentences (fewer for shorter texts) and reworded (not identical) sentences make at
 *       least 20% of the shorter text: identical sentences alone are copying, already weighed
 *       by the shingles, or shared chrome. Measured: seed 002 against 004 scores 0.77; spun
 *       copies 0.62 to 1; every pair of different bases of the evaluation corpus 0.29 or less,
 *       except two real reports of one Reuters story (0.45 to 0.53).</li>
 * </ol>
 * Very short texts (fewer than {@code minTokens} tokens: captions, briefs, paywall stubs) get
 * no near or rewrite keys and are only ever EXACT: a dozen words cannot tell a copy from a
 * coincidence.
 *
 * <h2>5. Mapping to Kafka Streams stores (as built: {@link newsflow.dedupe.stage.DedupeStage})</h2>
 * <ul>
 *   <li>{@link newsflow.dedupe.stage.ProbeProcessor} (stateless, on the article's partition):
 *       fingerprint; the candidate keys plus an exact-body key (so short texts meet their
 *       exact copies) are grouped by band shard ({@code mix(key) mod shards}); one probe per
 *       shard carries the shard's keys and the fingerprint bytes. The article itself goes to
 *       its verdict step, with the number of shard replies to wait for.</li>
 *   <li>{@link newsflow.dedupe.stage.BandIndexProcessor} (on the shard's partition, repartition
 *       topic {@code dedupe-probes-by-shard} with a partitioner {@code shard mod P}): band
 *       table {@code <key> -> [(id, joining time)...]} (one point read per key instead of a
 *       prefix scan per key; most reads are for keys the table does not hold, so
 *       {@link newsflow.dedupe.stage.DedupeRocksDb} gives it Bloom filters on every level, where
 *       Kafka Streams leaves the bottom level without), and the fingerprints of
 *       the articles indexed in this shard. Candidates are ranked by the number of keys they
 *       share with the prober and at most 64 are verified. A key that {@code bucketCap}
 *       articles share within the horizon turns <i>hot</i> (a name in the news, a boilerplate
 *       sentence, a wire story with hundreds of copies): it keeps its first four members as
 *       candidates (a syndicated story's source and first copies, which later copies still
 *       meet) and takes no more until the article that filled it leaves the horizon. This is the
 *       index's document-frequency cut: what very many articles share is weak evidence of
 *       copying, and the cut is consistent across shards because each key lives in exactly
 *       one shard. Every relation found goes to both articles
 *       (a reply to the prober, a notice to the other), keyed by article id.</li>
 *   <li>{@link newsflow.dedupe.stage.VerdictProcessor} (on the article's partition): gathers the
 *       replies and notices; once every shard replied, the verdict is a function of the
 *       relation set alone: {@link newsflow.dedupe.VerdictPolicy}, a pure function. An article
 *       still waiting {@code verdictDeadline} (10 minutes) of stream time after it arrived (a
 *       shard dead-lettered its probe, so that reply never comes) is decided on the replies that
 *       did arrive, with the header {@code newsflow.dedupe-deadline: replies/expected} and the
 *       {@code verdict-deadline} meter; the protocol cannot wedge. Pending articles are kept in
 *       {@code dedupe-pending-verdicts} by ingestion time, so the check is a range scan.</li>
 *   <li>Horizon: a pair is compared only when it lies within {@code horizon} in event time
 *       (when both pages state a date; an undated page is compared with anything still
 *       indexed). Index entries leave after {@code horizon} in ingestion time, so a backfill
 *       of old articles is compared with its own period, and is not expired on arrival. Each
 *       processor keeps an expiry index ({@code dedupe-shard-expiry},
 *       {@code dedupe-article-states-expiry}: {@code <ingestion time>|<id>}, with the bands the
 *       article joined), so what left the horizon is one range read, not a scan of the stores.</li>
 * </ul>
 *
 * <h2>6. Order and the canonical article</h2>
 * The original is the earliest event time, then the smaller id, whatever the arrival order.
 * Of two articles sharing a key, the second to reach the shard meets the first, so every
 * related pair is found whatever the order, and both sides hear of it. When a copy arrives
 * before its original it is first emitted as kept; the notice from the late original revises
 * its verdict to a duplicate and retracts it from the compacted {@code news.articles} (a
 * tombstone), so the final state does not depend on order or on the number of instances
 * ({@code DedupeScaleOutIntegrationTest}). The evaluation tools' single-threaded simulation
 * ({@code newsflow.eval.InMemoryDeduplicator}, in {@code src/eval}) decides with the same
 * {@link newsflow.dedupe.VerdictPolicy}.
 *
 * <h2>7. Failure modes</h2>
 * <ul>
 *   <li>Heavy paraphrase that also drops names (a rewrite with no shared anchors and few shared
 *       words) is not found: no key survives it.</li>
 *   <li>Heavy chrome left on both sides (hundreds of words of icon captions, as in the raw
 *       seed pages) dilutes the rewrite score, which is relative to the shorter text, chrome
 *       included: raw seeds 004 and 002 are not linked, the cleaned ones are. NEAR survives
 *       it (raw 003 against raw 000: C = 0.996).</li>
 *   <li>Texts of one or two short sentences: a spun two-sentence copy aligns too few words.</li>
 *   <li>Template-heavy short texts (sports results, stock notes) differ only in numbers and
 *       names; they have long shared word sequences and can look like NEAR duplicates.</li>
 *   <li>Hot keys hide genuine candidates that share only a hot key with an article that is
 *       not among its first four members.</li>
 *   <li>Texts over {@code maxTokens} are compared on their first {@code maxTokens} tokens.</li>
 *   <li>No document frequency: a sentence shared by many documents (an agency footer, a
 *       template line) weighs as much as any other in the pair's verification. The partial
 *       rule's anchoring on the original's opening keeps shared footers and quotations out
 *       (measured), but a template line at the very top of two stories with identical second
 *       blocks would pass. Shards see only their own keys, so a consistent document frequency
 *       needs a global statistic (for example a compacted topic of hot sentence hashes read by
 *       every shard); not built.</li>
 *   <li>The stopword list and the anchor rule are English; other languages fall back to
 *       MinHash and sentence keys (anchors still work for capitalising scripts).</li>
 * </ul>
 */
package newsflow.dedupe;
