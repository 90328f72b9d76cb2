package newsflow.clean;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Scores a sample against character n-gram models of a few languages that share one script:
 * for each language, the sum of {@code ln P} over the sample's distinct letter trigrams, where a
 * trigram the language never saw backs off to its leading bigram, then its first letter, and
 * one with none of these is left out. This is the scoring of Lingua's low-accuracy mode, read
 * from the same model files that ship in Lingua's jar ({@code /language-models/<iso>/}), but
 * done with one open-addressing table per n-gram order, keyed by the packed characters, so a
 * sample costs a few hundred array probes instead of Lingua's per-n-gram objects and parallel
 * streams (3.4 ms of CPU per 240-character sample on the 2-core machine, three times Jsoup's
 * parse of the whole page).
 *
 * <p>Immutable once built and safe for concurrent use.
 */
final class TrigramScorer {

    /** A table slot not looked up yet (distinct from {@link Table#ABSENT}). */
    private static final int NOT_LOOKED_UP = -2;

    private final List<String> languages;
    /** Indexed by n-gram order: 1, 2, 3 (slot 0 unused). */
    private final Table[] tables = new Table[4];

    private TrigramScorer(List<String> languages) {
        this.languages = List.copyOf(languages);
        for (int order = 1; order <= 3; order++) {
            tables[order] = new Table(languages.size());
            for (int lang = 0; lang < languages.size(); lang++) {
                load(languages.get(lang), order, lang);
            }
        }
    }

    /** A scorer for these ISO 639-1 codes, whose models are read from the classpath. */
    static TrigramScorer of(String... isoCodes) {
        return new TrigramScorer(List.of(isoCodes));
    }

    /** The languages scored, in the order of {@link #score}'s result. */
    List<String> languages() {
        return languages;
    }

    /**
     * The log-probability sum of each language for {@code sample}, lower-cased first; 0 for a
     * language none of whose n-grams occur (which Lingua also treats as no evidence).
     */
    double[] score(String sample) {
        String text = sample.toLowerCase(Locale.ROOT);
        long[] seen = new long[Math.max(16, Integer.highestOneBit(Math.max(1, text.length()) * 2) * 2)];
        double[] sums = new double[languages.size()];
        int n = text.length();
        for (int i = 0; i + 3 <= n; i++) {
            char a = text.charAt(i);
            char b = text.charAt(i + 1);
            char c = text.charAt(i + 2);
            if (!Character.isLetter(a) || !Character.isLetter(b) || !Character.isLetter(c)) {
                continue;
            }
            long key = pack(a, b, c);
            if (!firstTime(seen, key)) {
                continue;
            }
            // Each table is probed once per n-gram, then read for every language.
            int trigram = tables[3].slot(key);
            int bigram = NOT_LOOKED_UP;
            int unigram = NOT_LOOKED_UP;
            for (int lang = 0; lang < sums.length; lang++) {
                float p = tables[3].value(trigram, lang);
                if (p == 0) {
                    if (bigram == NOT_LOOKED_UP) {
                        bigram = tables[2].slot(pack(a, b));
                    }
                    p = tables[2].value(bigram, lang);
                }
                if (p == 0) {
                    if (unigram == NOT_LOOKED_UP) {
                        unigram = tables[1].slot(a);
                    }
                    p = tables[1].value(unigram, lang);
                }
                if (p != 0) {
                    sums[lang] += p;
                }
            }
        }
        return sums;
    }

    /** Records {@code key} in a small open-addressing set; false when it was there already. */
    private static boolean firstTime(long[] set, long key) {
        int mask = set.length - 1;
        int i = mix(key) & mask;
        while (set[i] != 0) {
            if (set[i] == key) {
                return false;
            }
            i = (i + 1) & mask;
        }
        set[i] = key;
        return true;
    }

    private static long pack(char a, char b, char c) {
        return ((long) a << 32) | ((long) b << 16) | c;
    }

    private static long pack(char a, char b) {
        return ((long) a << 16) | b;
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /**
     * Reads one model file: {@code {"language": ..., "ngrams": {"num/den": "ng ng ...", ...}}}.
     * N-grams whose length is not {@code order} characters (none in Lingua's files) are skipped.
     */
    private void load(String iso, int order, int lang) {
        String name = switch (order) {
            case 1 -> "unigrams";
            case 2 -> "bigrams";
            default -> "trigrams";
        };
        String path = "/language-models/" + iso + "/" + name + ".json";
        try (InputStream in = TrigramScorer.class.getResourceAsStream(path);
             JsonParser p = in == null ? null : new JsonFactory().createParser(in)) {
            if (p == null) {
                throw new IllegalStateException("no language model " + path + " on the classpath (Lingua's jar)");
            }
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.FIELD_NAME && "ngrams".equals(p.currentName())) {
                    p.nextToken();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String fraction = p.currentName();
                        p.nextToken();
                        float logP = (float) Math.log(parseFraction(fraction));
                        for (String ngram : p.getText().split(" ")) {
                            if (ngram.length() == order) {
                                tables[order].put(key(ngram), lang, logP);
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read language model " + path, e);
        }
    }

    private static long key(String ngram) {
        long k = 0;
        for (int i = 0; i < ngram.length(); i++) {
            k = (k << 16) | ngram.charAt(i);
        }
        return k;
    }

    private static double parseFraction(String f) {
        int slash = f.indexOf('/');
        return Double.parseDouble(f.substring(0, slash)) / Double.parseDouble(f.substring(slash + 1));
    }

    /**
     * Packed n-gram to one log-probability per language, open addressing with linear probing.
     * A slot holds the key and its languages' values side by side in one {@code int[]} (the key
     * as two ints, each value as a float's bits, padded to a power of two: 64 bytes for the
     * twelve Latin-script languages), so a lookup reads one place in memory instead of a key in
     * one array and its values in another: the tables are megabytes, and nearly every probe
     * of a sample misses the cache. A log-probability is never 0 (no n-gram has probability 1
     * in Lingua's files except single-letter continuations, which are stored as a tiny negative
     * number), so 0 means absent; no packed key is 0, so a 0 key marks an empty slot.
     */
    private static final class Table {
        /** What {@link #slot} answers for a key not in the table. */
        static final int ABSENT = -1;
        private static final int KEY_INTS = 2;
        /** Ints per slot: the key, then one value per language, then padding. */
        private final int stride;
        private int capacity = 1 << 12;
        private int[] slots;
        private int size;

        Table(int width) {
            this.stride = Integer.highestOneBit(KEY_INTS + width - 1) << 1;
            this.slots = new int[capacity * stride];
        }

        /** Where {@code key}'s slot starts, or {@link #ABSENT}. */
        int slot(long key) {
            int at = find(slots, capacity, key);
            return keyAt(slots, at) == 0 ? ABSENT : at;
        }

        /** The log-probability in {@code slot} for {@code lang}; 0 for {@link #ABSENT}. */
        float value(int slot, int lang) {
            return slot == ABSENT ? 0 : Float.intBitsToFloat(slots[slot + KEY_INTS + lang]);
        }

        void put(long key, int lang, float logP) {
            if ((size + 1) * 2 > capacity) {
                grow();
            }
            int at = find(slots, capacity, key);
            if (keyAt(slots, at) == 0) {
                slots[at] = (int) (key >>> 32);
                slots[at + 1] = (int) key;
                size++;
            }
            // ln 1 = 0 would read as absent: keep certain continuations a hair below 1.
            slots[at + KEY_INTS + lang] = Float.floatToRawIntBits(logP == 0 ? -1e-6f : logP);
        }

        /** Where {@code key}'s slot starts, or the empty slot it would take. */
        private int find(int[] in, int slotCount, long key) {
            int mask = slotCount - 1;
            int i = mix(key) & mask;
            while (true) {
                int at = i * stride;
                long k = keyAt(in, at);
                if (k == 0 || k == key) {
                    return at;
                }
                i = (i + 1) & mask;
            }
        }

        private static long keyAt(int[] in, int at) {
            return ((long) in[at] << 32) | (in[at + 1] & 0xFFFFFFFFL);
        }

        private void grow() {
            int[] old = slots;
            int oldCapacity = capacity;
            capacity *= 2;
            slots = new int[capacity * stride];
            for (int j = 0; j < oldCapacity; j++) {
                int from = j * stride;
                long k = keyAt(old, from);
                if (k != 0) {
                    System.arraycopy(old, from, slots, find(slots, capacity, k), stride);
                }
            }
        }
    }
}
