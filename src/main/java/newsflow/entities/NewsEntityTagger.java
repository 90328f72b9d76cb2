package newsflow.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import newsflow.core.EntityType;
import newsflow.core.Mention;
import newsflow.core.TaggedEntity;

/**
 * The entity stage: the project's neural recogniser, the knowledge base matched with
 * Aho-Corasick, and in-article linking, as one chain of steps (see the package documentation
 * for the rules, and {@link EntityRule} for the families that can be switched off).
 *
 * <p>Build once with {@link #load()} (model and knowledge base, about a second) and share:
 * {@link #tag} is thread-safe and does not modify its input. Null or blank text gives no
 * entities; a null title is allowed.
 */
public final class NewsEntityTagger implements EntityTagger {

    private final Recognizer recogniser;
    /** The knowledge base's matcher; one over no entities when {@link EntityRule#KNOWLEDGE_BASE} is off. */
    private final KbMatcher matcher;
    private final Set<EntityRule> rules;

    NewsEntityTagger(Recognizer recogniser, KbMatcher matcher, Set<EntityRule> rules) {
        this.recogniser = Objects.requireNonNull(recogniser, "recogniser");
        this.rules = rules.isEmpty() ? EnumSet.noneOf(EntityRule.class) : EnumSet.copyOf(rules);
        this.matcher = this.rules.contains(EntityRule.KNOWLEDGE_BASE) ? Objects.requireNonNull(matcher, "matcher")
                : new KbMatcher(KnowledgeBase.empty());
    }

    /**
     * A built-in wire-style article tagged a few times after loading, so that the first real
     * article is not slowed down by class loading and JIT compilation of every step.
     */
    private static final String WARM_UP_TITLE = "Ministers meet in Geneva ahead of talks";
    private static final String WARM_UP_TEXT = "MINISTERS MEET IN GENEVA AHEAD OF TALKS\n"
            + "GENEVA (Reuters) - Foreign ministers from France and Japan met in Geneva on Monday, "
            + "the United Nations said. Jean Dupont, the French minister, told reporters that talks with "
            + "Tokyo would resume next month. Mr Dupont said the European Union backed the plan.\n"
            + "Kim Jong Un's sister, Kim Yo Jong, criticised the meeting in a statement carried by KCNA. "
            + "Kim said Pyongyang would respond. The Kremlin's spokesman said Russia was watching.\n"
            + "Share\nFacebook\nTwitter\n";
    private static final int WARM_UP_ROUNDS = 3;

    /** Loads the recogniser and the shipped knowledge base, then warms the chain up (about a second). */
    public static NewsEntityTagger load() {
        return load(EntityRule.all());
    }

    /**
     * As {@link #load()}, with only the rule families in {@code rules} on: the ablation the
     * evaluation runs ({@code newsflow eval entities --without FAMILY}).
     */
    public static NewsEntityTagger load(Set<EntityRule> rules) {
        NewsEntityTagger tagger = new NewsEntityTagger(NeuralRecognizer.load(),
                new KbMatcher(KnowledgeBase.loadDefault()), rules);
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            tagger.tag(WARM_UP_TITLE, WARM_UP_TEXT);
        }
        return tagger;
    }

    /**
     * Tokens longer than this (base64 images pasted into scraped text, run-together URLs) are
     * hidden from the recogniser: no name is that long, and the character features of a
     * 500,000-character "word" exhaust the heap.
     */
    static final int MAX_TOKEN_CHARS = 100;

    @Override
    public List<TaggedEntity> tag(String title, String text) {
        return tag(title, text, Long.MAX_VALUE).entities();
    }

    /**
     * As {@link #tag(String, String)}, with the recogniser (the part whose time grows with the
     * text) stopping at a sentence boundary soon after the budget: the rules then run on the text it
     * reached. A long article on a slow machine keeps its first names rather than holding the
     * stream thread past its transaction.
     */
    @Override
    public Result tag(String title, String text, java.time.Duration budget) {
        return tag(title, text, System.nanoTime() + budget.toNanos());
    }

    private Result tag(String title, String text, long deadlineNanos) {
        if (text == null || text.isBlank()) {
            return new Result(List.of(), text == null ? 0 : text.length());
        }
        String masked = maskLongTokens(text);
        Recognizer.Recognition recognition = recogniser.recogniseUntil(masked, deadlineNanos);
        int end = recognition.endChar();
        List<TaggedEntity> entities = tagRecognised(title, text.substring(0, end), masked.substring(0, end),
            recognition.spans());
        return new Result(entities, end);
    }

    private List<TaggedEntity> tagRecognised(String title, String original, String text, List<Span> recognised) {
        List<Span> kbMatches = matcher.find(text);
        List<Span> spans = SpanResolver.resolve(text, recognised, kbMatches, rules);
        List<MentionLinker.Cluster> clusters = MentionLinker.link(text, spans, matcher);
        if (rules.contains(EntityRule.COMPANY_ALIASES)) {
            clusters = OrganisationAliases.merge(text, clusters);
        }
        if (rules.contains(EntityRule.PROPAGATION)) {
            MentionPropagation.propagate(text, clusters);
        }
        // Types a layout rule decided always split off; the recogniser's confident ones only with the family on.
        clusters = ConfidentTypes.split(clusters, rules.contains(EntityRule.CONFIDENT_TYPES) ? recognised : List.of());
        int maxMentions = clusters.stream().mapToInt(c -> c.spans.size()).max().orElse(0);
        List<TaggedEntity> entities = new ArrayList<>(clusters.size());
        for (MentionLinker.Cluster c : clusters) {
            entities.add(toEntity(title, text, c, maxMentions));
        }
        entities.sort(Comparator.comparingDouble(TaggedEntity::salience).reversed()
                .thenComparingInt(e -> e.mentions().get(0).start()));
        return original == text ? entities : withoutMaskedMentions(entities, original);
    }

    /** Mentions that touch a masked token are no mentions of the original text; entities left without any go. */
    private static List<TaggedEntity> withoutMaskedMentions(List<TaggedEntity> entities, String original) {
        List<TaggedEntity> kept = new ArrayList<>(entities.size());
        for (TaggedEntity e : entities) {
            List<Mention> mentions = e.mentions().stream()
                    .filter(m -> original.startsWith(m.text(), m.start())).toList();
            if (!mentions.isEmpty()) {
                kept.add(mentions.size() == e.mentions().size() ? e
                        : new TaggedEntity(e.id(), e.name(), e.type(), e.salience(), mentions));
            }
        }
        return kept;
    }

    /**
     * {@code text} with every run of non-space characters longer than {@link #MAX_TOKEN_CHARS}
     * replaced by line breaks of the same length (a break, so no name runs across it), so
     * offsets into it are offsets into {@code text}; {@code text} itself when nothing is masked.
     */
    static String maskLongTokens(String text) {
        StringBuilder masked = null;
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i - start > MAX_TOKEN_CHARS) {
                if (masked == null) {
                    masked = new StringBuilder(text);
                }
                for (int k = start; k < i; k++) {
                    masked.setCharAt(k, '\n');
                }
            }
        }
        return masked == null ? text : masked.toString();
    }

    private static TaggedEntity toEntity(String title, String text, MentionLinker.Cluster c, int maxMentions) {
        EntityType type = c.type();
        String name = c.name();
        String id = c.kb != null ? c.kb.id() : EntityIds.ofFolded(type, name);
        List<Mention> mentions = new ArrayList<>(c.spans.size());
        for (Span s : c.spans) {
            mentions.add(new Mention(s.text(text), s.start(), s.end()));
        }
        mentions.sort(Comparator.comparingInt(Mention::start));
        Set<String> names = new LinkedHashSet<>(c.surfaces);
        names.add(name);
        if (type == EntityType.PERSON) {
            List<String> words = JunkFilter.words(name);
            if (!words.isEmpty()) {
                names.add(words.get(words.size() - 1));
            }
        }
        boolean inTitle = Salience.inTitle(title, List.copyOf(names));
        double salience = Salience.of(mentions.size(), maxMentions, mentions.get(0).start(), text.length(), inTitle);
        return new TaggedEntity(id, name, type, salience, mentions);
    }
}
