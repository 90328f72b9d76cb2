package newsflow.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import newsflow.entities.EntityType;

/**
 * Reads a CoNLL-format NER file into documents with their text rebuilt and gold spans as
 * character offsets into it.
 *
 * <p>Format: one token per line, its NER tag in the last whitespace-separated column (IOB1 as
 * in CoNLL-2003, or IOB2); blank lines end sentences; {@code -DOCSTART-} lines start documents
 * (a file without them is one document). Tokens are joined with one space, sentences with a
 * line break. Tags PER, ORG, LOC, MISC map to the four {@link EntityType}s.
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
        private int spanStart = -1;
        private int spanEnd;
        private EntityType spanType;

        void token(String word, String tag, int lineNo) {
            if (sentenceOpen) {
                text.append(' ');
            } else if (text.length() > 0) {
                text.append('\n');
            }
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
