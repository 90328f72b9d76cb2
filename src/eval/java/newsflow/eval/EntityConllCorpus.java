package newsflow.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import newsflow.core.EntityType;

/**
 * Reads a CoNLL-format NER file into documents with their text rebuilt and gold spans as
 * character offsets into it.
 *
 * <p>Format: one token per line, its NER tag in the last whitespace-separated column (IOB1 as
 * in CoNLL-2003, or IOB2); blank lines end sentences; {@code -DOCSTART-} lines start documents
 * (a file without them is one document). Sentences are joined with a line break, and tokens are
 * detokenized back to plain text as the stage meets it: one space between tokens, none before
 * closing punctuation, clitics and closing quotes ("Shearer's", "(Reuters)", "he said."), none
 * after opening brackets, currency signs and opening quotes. Tags PER, ORG, LOC, MISC map to the
 * four {@link EntityType}s.
 */
public final class EntityConllCorpus {

    /** A gold entity: offsets into the document text. */
    public record GoldSpan(int start, int end, EntityType type) {
    }

    /** One document: its rebuilt text and gold spans by position. */
    public record Document(String text, List<GoldSpan> gold) {
        public Document {
            gold = List.copyOf(gold);
        }
    }

    private EntityConllCorpus() {
    }

    public static List<Document> read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    static List<Document> parse(List<String> lines) {
        List<Document> docs = new ArrayList<>();
        Builder doc = new Builder();
        int lineNo = 0;
        for (String line : lines) {
            lineNo++;
            String trimmed = line.strip();
            if (trimmed.startsWith("-DOCSTART-")) {
                doc.finish(docs);
                doc = new Builder();
                continue;
            }
            if (trimmed.isEmpty()) {
                doc.endSentence();
                continue;
            }
            String[] cols = trimmed.split("\\s+");
            if (cols.length < 2) {
                throw new IllegalArgumentException("CoNLL line " + lineNo + " has no tag column: " + line);
            }
            doc.token(cols[0], cols[cols.length - 1], lineNo);
        }
        doc.finish(docs);
        return docs;
    }

    private static final class Builder {
        private final StringBuilder text = new StringBuilder();
        private final List<GoldSpan> gold = new ArrayList<>();
        private boolean sentenceOpen;
        private boolean glueNext;
        private boolean quoteOpen;
        private int spanStart = -1;
        private int spanEnd;
        private EntityType spanType;

        void token(String word, String tag, int lineNo) {
            boolean quote = word.equals("\"");
            boolean closingQuote = quote && quoteOpen;
            if (sentenceOpen) {
                if (!glueNext && !closingQuote && !attachesLeft(word)) {
                    text.append(' ');
                }
            } else if (text.length() > 0) {
                text.append('\n');
            }
            if (quote) {
                quoteOpen = !quoteOpen;
            }
            glueNext = (quote && !closingQuote) || ATTACH_RIGHT.contains(word);
            sentenceOpen = true;
            int start = text.length();
            text.append(word);
            int end = text.length();
            if (tag.equals("O")) {
                closeSpan();
                return;
            }
            if (tag.length() < 3 || tag.charAt(1) != '-' || "BI".indexOf(tag.charAt(0)) < 0) {
                throw new IllegalArgumentException("CoNLL line " + lineNo + ": bad tag '" + tag + "'");
            }
            EntityType type = typeOf(tag.substring(2), lineNo);
            if (tag.charAt(0) == 'B' || type != spanType) {
                closeSpan();
                spanStart = start;
                spanType = type;
            }
            spanEnd = end;
        }

        void endSentence() {
            closeSpan();
            sentenceOpen = false;
            glueNext = false;
        }

        private void closeSpan() {
            if (spanType != null) {
                gold.add(new GoldSpan(spanStart, spanEnd, spanType));
            }
            spanType = null;
            spanStart = -1;
        }

        void finish(List<Document> docs) {
            closeSpan();
            if (text.length() > 0) {
                docs.add(new Document(text.toString(), gold));
            }
        }
    }

    /** Tokens written against the previous token. */
    private static final java.util.Set<String> ATTACH_LEFT = java.util.Set.of(
            ",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "n't", "N'T");
    /** Tokens the next token is written against. */
    private static final java.util.Set<String> ATTACH_RIGHT = java.util.Set.of("(", "[", "{", "$");

    /** Closing punctuation and clitics ("'s", "'re", "n't"). */
    static boolean attachesLeft(String word) {
        if (ATTACH_LEFT.contains(word)) {
            return true;
        }
        return word.length() >= 2 && word.length() <= 3 && word.charAt(0) == '\''
                && word.substring(1).chars().allMatch(Character::isLetter);
    }

    private static EntityType typeOf(String tag, int lineNo) {
        return switch (tag) {
            case "PER" -> EntityType.PERSON;
            case "ORG" -> EntityType.ORGANIZATION;
            case "LOC" -> EntityType.LOCATION;
            case "MISC" -> EntityType.MISC;
            default -> throw new IllegalArgumentException("CoNLL line " + lineNo + ": unknown entity type '" + tag + "'");
        };
    }
}
