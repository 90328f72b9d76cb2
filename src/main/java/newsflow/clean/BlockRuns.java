package newsflow.clean;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Splits the text under an element into runs at block boundaries (paragraphs, headings, list
 * items, cells, line breaks) and hands each run to a {@link Listener} with the innermost block
 * element that holds it and how many of its characters sit inside links. The walk is iterative,
 * so nesting depth cannot overflow the stack; it checks the {@link Deadline} as it goes.
 *
 * <p>One instance walks one tree once; not thread-safe.
 */
final class BlockRuns implements NodeVisitor {

    /** Elements that start a new run of text. */
    static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "header",
            "footer", "aside", "nav", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt",
            "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "blockquote", "pre",
            "figure", "figcaption", "form", "fieldset", "address", "hr", "body", "html", "center",
            "details", "summary", "menu", "hgroup", "noscript", "option", "select", "button", "legend");
    static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

    /** Receives the runs and the block structure of a walk. */
    interface Listener {
        /** A block element starts. */
        default void enter(Element block) {
        }

        /** A block element ends; all its runs have been reported. */
        default void exit(Element block) {
        }

        /**
         * A run of text ended.
         *
         * @param block innermost block element holding the run
         * @param run   the run; valid only during this call
         */
        void run(Element block, Run run);

        /**
         * Whether this listener reads {@link Run#text()}; one that does not (it needs only the
         * counts) spares the walk from copying every text of the page, unless the walk is
         * {@linkplain Recording recorded} for a listener that will.
         */
        default boolean readsText() {
            return true;
        }
    }

    /** One run of text, with its counts: a listener need not scan its text again. */
    interface Run {
        /**
         * The run's text, whitespace not yet normalised.
         *
         * @throws IllegalStateException when the listener said it {@linkplain Listener#readsText reads no text}
         */
        CharSequence text();

        /** Non-space characters in the run. */
        int chars();

        /** Non-space characters of the run inside {@code <a>}. */
        int linkChars();

        /** {@link Prose#words} of the run's text. */
        int words();

        /** {@link Prose#endsSentence} of the run's text. */
        boolean endsSentence();
    }

    /**
     * The run being read, counted as its text nodes arrive: its characters, words and last
     * character. Reused from run to run.
     */
    private static final class Reading implements Run {
        /** The run's text when it has two pieces or more; most runs are one text node, kept as it is in {@link #single}. */
        private final StringBuilder text = new StringBuilder();
        private String single;
        private int pieces;
        private final boolean keepText;
        private int chars;
        private int linkChars;
        private final Prose.WordCount words = new Prose.WordCount();
        private char last;

        private Reading(boolean keepText) {
            this.keepText = keepText;
        }

        @Override
        public CharSequence text() {
            if (!keepText) {
                throw new IllegalStateException("this walk keeps no text: its listener said it reads none");
            }
            return pieces == 0 ? "" : pieces == 1 ? single : text;
        }

        @Override
        public int chars() {
            return chars;
        }

        @Override
        public int linkChars() {
            return linkChars;
        }

        @Override
        public int words() {
            return words.words();
        }

        @Override
        public boolean endsSentence() {
            return last != 0 && Prose.isSentenceEnd(last);
        }

        /** This run as it is now, immutable (its text copied when it has several pieces). */
        private Kept kept() {
            return new Kept(text().toString(), chars, linkChars, words(), endsSentence());
        }

        private void append(String s, boolean inLink) {
            int counted = words.addAll(s);
            chars += counted;
            if (inLink) {
                linkChars += counted;
            }
            // A text of white space alone (the indentation between tags, half a page's characters)
            // counts nothing and has no last character: not scanned again.
            if (counted > 0 || s.indexOf('\u00A0') >= 0) {
                int l = Prose.lastNonSpace(s);
                if (l >= 0) {
                    last = (char) l;
                }
            }
            if (keepText) {
                if (pieces == 0) {
                    single = s;
                } else {
                    if (pieces == 1) {
                        text.setLength(0);
                        text.append(single);
                    }
                    text.append(s);
                }
                pieces++;
            }
        }

        private void clear() {
            single = null;
            pieces = 0;
            chars = 0;
            linkChars = 0;
            words.clear();
            last = 0;
        }
    }

    /** A run kept by a {@link Recording}. */
    private record Kept(String text, int chars, int linkChars, int words, boolean endsSentence) implements Run {
    }

    /**
     * The blocks and runs one walk reported, in order, kept so that a later walk of a block
     * inside it can be {@linkplain #replay replayed} instead: the story container is walked once
     * to score it and again to emit its paragraphs, and the second walk would read every text
     * node of the story again. Valid while the tree is unchanged. Its size is linear in the
     * walk's blocks and runs (one slot an event, and each run's text), as the scorer's own is.
     * Not thread-safe.
     */
    static final class Recording {
        private static final byte ENTER = 0;
        private static final byte EXIT = 1;
        private static final byte RUN = 2;
        /** An entered block that lay inside a link: its runs count as link text, which a walk of it alone would not. */
        private static final byte ENTER_IN_LINK = 3;

        private byte[] kinds = new byte[256];
        private Element[] blocks = new Element[256];
        private Kept[] runs = new Kept[256];
        private int size;

        private void add(byte kind, Element block, Kept run) {
            if (size == kinds.length) {
                kinds = Arrays.copyOf(kinds, size * 2);
                blocks = Arrays.copyOf(blocks, size * 2);
                runs = Arrays.copyOf(runs, size * 2);
            }
            kinds[size] = kind;
            blocks[size] = block;
            runs[size] = run;
            size++;
        }

        /**
         * Reports to {@code listener} what {@link BlockRuns#walk} of {@code root} would, from the
         * recorded walk; {@code false} (and nothing reported) when the recording cannot stand in
         * for that walk: {@code root} was not a block of the recorded walk, or lay inside a link.
         */
        boolean replay(Element root, Listener listener, Deadline deadline) {
            int start = -1;
            for (int i = 0; i < size; i++) {
                if (blocks[i] == root && kinds[i] != RUN) {
                    start = kinds[i] == ENTER ? i : -1;
                    break;
                }
            }
            if (start < 0) {
                return false;
            }
            for (int i = start; i < size; i++) {
                if (i % CHECK_EVERY == 0) {
                    deadline.check();
                }
                switch (kinds[i]) {
                    case RUN -> listener.run(blocks[i], runs[i]);
                    case EXIT -> {
                        listener.exit(blocks[i]);
                        if (blocks[i] == root) {
                            return true;
                        }
                    }
                    default -> listener.enter(blocks[i]);
                }
            }
            throw new IllegalStateException("the recorded walk never left " + root.normalName());
        }
    }

    private static final int CHECK_EVERY = 512;

    private final Listener listener;
    private final Deadline deadline;
    private final Deque<Element> blocks = new ArrayDeque<>();
    private final Reading run;
    private final Element root;
    /** Where the walk keeps what it reports, or {@code null}. */
    private final Recording recording;
    private int linkDepth;
    private int visited;

    private BlockRuns(Element root, Listener listener, Deadline deadline, Recording recording) {
        this.root = root;
        this.listener = listener;
        this.deadline = deadline;
        this.recording = recording;
        this.run = new Reading(listener.readsText() || recording != null);
    }

    /** Walks {@code root} and reports to {@code listener}. */
    static void walk(Element root, Listener listener, Deadline deadline) {
        walk(root, listener, deadline, null);
    }

    /**
     * Walks {@code root} and reports to {@code listener}, and keeps what it reported in
     * {@code recording} (when not null) for a later {@link Recording#replay} of a block under
     * {@code root}.
     */
    static void walk(Element root, Listener listener, Deadline deadline, Recording recording) {
        BlockRuns walker = visitor(root, listener, deadline, recording);
        TreeWalk.walk(root, walker);
        walker.finish();
    }

    /**
     * For a walk that another reader of the tree shares ({@link TreeWalk#walk(Node, NodeVisitor,
     * Node, NodeVisitor)}): the visitor that reports the runs under {@code root} to
     * {@code listener}, as {@link #walk(Element, Listener, Deadline, Recording)} would once the
     * walk of {@code root} (depths counted from it) has ended and {@link #finish()} is called.
     */
    static BlockRuns visitor(Element root, Listener listener, Deadline deadline, Recording recording) {
        BlockRuns walker = new BlockRuns(root, listener, deadline, recording);
        walker.blocks.push(root);
        walker.enter(root);
        return walker;
    }

    /** Ends a walk begun by {@link #visitor}: reports the last run and the root's exit. */
    void finish() {
        flush();
        exit(root);
    }

    private void enter(Element block) {
        if (recording != null) {
            recording.add(linkDepth > 0 ? Recording.ENTER_IN_LINK : Recording.ENTER, block, null);
        }
        listener.enter(block);
    }

    private void exit(Element block) {
        if (recording != null) {
            recording.add(Recording.EXIT, block, null);
        }
        listener.exit(block);
    }

    @Override
    public void head(Node node, int depth) {
        if (++visited % CHECK_EVERY == 0) {
            deadline.check();
        }
        if (node instanceof TextNode t) {
            run.append(t.getWholeText(), linkDepth > 0);
            return;
        }
        if (!(node instanceof Element el) || depth == 0) {
            return;
        }
        String tag = el.normalName();
        if (tag.equals("a")) {
            linkDepth++;
        } else if (tag.equals("br")) {
            flush();
        } else if (BLOCKS.contains(tag)) {
            flush();
            blocks.push(el);
            enter(el);
        } else if (tag.equals("img") || tag.equals("input")) {
            run.append(" ", false);
        }
    }

    @Override
    public void tail(Node node, int depth) {
        if (!(node instanceof Element el) || depth == 0) {
            return;
        }
        String tag = el.normalName();
        if (tag.equals("a")) {
            linkDepth--;
        } else if (BLOCKS.contains(tag)) {
            flush();
            blocks.pop();
            exit(el);
        }
    }

    private void flush() {
        if (run.chars > 0) {
            if (recording != null) {
                recording.add(Recording.RUN, blocks.peek(), run.kept());
            }
            listener.run(blocks.peek(), run);
        }
        run.clear();
    }
}
