package newsflow.clean;

import java.util.ArrayDeque;
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
         * counts) spares the walk from copying every text of the page.
         */
        default boolean readsText() {
            return true;
        }
    }

    /**
     * One run of text, counted as it is read: its characters, words and last character, so
     * that a listener need not scan its text again. Reused from run to run.
     */
    static final class Run {
        /** The run's text when it has two pieces or more; most runs are one text node, kept as it is in {@link #single}. */
        private final StringBuilder text = new StringBuilder();
        private String single;
        private int pieces;
        private final boolean keepText;
        private int chars;
        private int linkChars;
        private final Prose.WordCount words = new Prose.WordCount();
        private char last;

        private Run(boolean keepText) {
            this.keepText = keepText;
        }

        /**
         * The run's text, whitespace not yet normalised.
         *
         * @throws IllegalStateException when the listener said it {@linkplain Listener#readsText reads no text}
         */
        CharSequence text() {
            if (!keepText) {
                throw new IllegalStateException("this walk keeps no text: its listener said it reads none");
            }
            return pieces == 0 ? "" : pieces == 1 ? single : text;
        }

        /** Non-space characters in the run. */
        int chars() {
            return chars;
        }

        /** Non-space characters of the run inside {@code <a>}. */
        int linkChars() {
            return linkChars;
        }

        /** {@link Prose#words} of the run's text. */
        int words() {
            return words.words();
        }

        /** {@link Prose#endsSentence} of the run's text. */
        boolean endsSentence() {
            return last != 0 && Prose.isSentenceEnd(last);
        }

        private void append(String s, boolean inLink) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                boolean space = Prose.isWhitespace(c);
                if (!space) {
                    last = c;
                    if (c != '\u00A0') {
                        chars++;
                        if (inLink) {
                            linkChars++;
                        }
                    }
                }
                words.add(c, space);
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

    private static final int CHECK_EVERY = 512;

    private final Listener listener;
    private final Deadline deadline;
    private final Deque<Element> blocks = new ArrayDeque<>();
    private final Run run;
    private int linkDepth;
    private int visited;

    private BlockRuns(Listener listener, Deadline deadline) {
        this.listener = listener;
        this.deadline = deadline;
        this.run = new Run(listener.readsText());
    }

    /** Walks {@code root} and reports to {@code listener}. */
    static void walk(Element root, Listener listener, Deadline deadline) {
        BlockRuns walker = new BlockRuns(listener, deadline);
        walker.blocks.push(root);
        listener.enter(root);
        TreeWalk.walk(root, walker);
        walker.flush();
        listener.exit(root);
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
            listener.enter(el);
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
            listener.exit(el);
        }
    }

    private void flush() {
        if (run.chars > 0) {
            listener.run(blocks.peek(), run);
        }
        run.clear();
    }
}
