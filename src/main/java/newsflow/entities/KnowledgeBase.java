package newsflow.entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The canonical entities newsflow links to, read from a versioned TSV resource.
 *
 * <p>Format: lines starting with {@code #} are comments, except {@code #version<TAB>N}, which is
 * required; every other line is {@code id<TAB>kind<TAB>name<TAB>alias|alias|...}, optionally
 * followed by {@code <TAB>ambiguous|names}: those names (the name or aliases) that are also
 * ordinary words or other names and count only with support ({@link KbEntity#ambiguous()}). Immutable and
 * thread-safe.
 */
public final class KnowledgeBase {

    /** The knowledge base shipped with newsflow. */
    public static final String DEFAULT_RESOURCE = "/newsflow/entities/kb/entities.tsv";

    private final int version;
    private final Map<String, KbEntity> byId;

    private KnowledgeBase(int version, Map<String, KbEntity> byId) {
        this.version = version;
        this.byId = byId;
    }

    /** Loads the knowledge base shipped with newsflow. */
    public static KnowledgeBase loadDefault() {
        try (InputStream in = KnowledgeBase.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("knowledge base resource missing: " + DEFAULT_RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A knowledge base with no entities (version 0): the stage without it, for the ablation. */
    public static KnowledgeBase empty() {
        return new KnowledgeBase(0, Map.of());
    }

    /** Parses a knowledge base; fails naming the bad line on malformed input or duplicate ids. */
    public static KnowledgeBase parse(BufferedReader reader) throws IOException {
        Objects.requireNonNull(reader, "reader");
        int version = -1;
        Map<String, KbEntity> byId = new LinkedHashMap<>();
        String line;
        int lineNo = 0;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (line.startsWith("#")) {
                if (cols[0].equals("#version") && cols.length > 1) {
                    version = Integer.parseInt(cols[1].trim());
                }
                continue;
            }
            if (cols.length < 3 || cols.length > 5) {
                throw new IllegalArgumentException("knowledge base line " + lineNo + ": expected 3 to 5 columns: " + line);
            }
            KbEntity.Kind kind;
            try {
                kind = KbEntity.Kind.valueOf(cols[1].trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("knowledge base line " + lineNo + ": unknown kind '" + cols[1] + "'", e);
            }
            List<String> aliases = names(cols, 3);
            List<String> ambiguous = names(cols, 4);
            KbEntity entity;
            try {
                entity = new KbEntity(cols[0].trim(), kind, cols[2].trim(), aliases, ambiguous);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("knowledge base line " + lineNo + ": " + e.getMessage(), e);
            }
            if (byId.putIfAbsent(entity.id(), entity) != null) {
                throw new IllegalArgumentException("knowledge base line " + lineNo + ": duplicate id " + entity.id());
            }
        }
        if (version < 0) {
            throw new IllegalArgumentException("knowledge base has no #version line");
        }
        return new KnowledgeBase(version, Map.copyOf(byId));
    }

    private static List<String> names(String[] cols, int column) {
        return cols.length > column && !cols[column].isBlank()
                ? Arrays.stream(cols[column].split("\\|")).map(String::trim).filter(a -> !a.isEmpty()).toList()
                : List.of();
    }

    public int version() {
        return version;
    }

    public List<KbEntity> entities() {
        return new ArrayList<>(byId.values());
    }

    /** The entity with this id, or {@code null}. */
    public KbEntity byId(String id) {
        return byId.get(id);
    }

    public int size() {
        return byId.size();
    }
}
