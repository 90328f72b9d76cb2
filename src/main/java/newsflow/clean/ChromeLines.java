package newsflow.clean;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognises one-line site chrome by its form, not by site: advertising labels, loading
 * widgets, newsletter, ad-blocker and cookie pleas, comment forms, share and follow prompts,
 * related-story headers, credits and copyright lines, punctuation-only separators.
 * Used on HTML paragraphs and on scraped text lines. Stateless and thread-safe.
 */
final class ChromeLines {

    /** Lines longer than this are story text whatever words they contain. */
    private static final int MAX_PLEA_CHARS = 220;
    /** Ad-blocker and cookie pleas run longer, and their wording is unmistakable. */
    private static final int MAX_NOTICE_CHARS = 400;
    private static final int MAX_LABEL_CHARS = 120;

    /**
     * "Related", "read also", "latest", "you may also like" headings in the other news
     * languages, alone on their line (a colon or question mark may follow).
     */
    private static final String RELATED_ELSEWHERE = "(?:"
            + "(?:ähnliche|verwandte|passende) (?:beiträge|artikel|themen|nachrichten)|(?:weitere|neueste|aktuelle) (?:artikel|beiträge|nachrichten|meldungen)"
            + "|mehr zum thema|auch interessant|das könnte (?:sie|dich) auch interessieren|lesen sie auch|lies auch|schon gelesen"
            + "|(?:à )?lire aussi|articles (?:similaires|liés)|sur le même sujet|dans la même rubrique|vous aimerez aussi"
            + "|(?:noticias|artículos) relacionad[oa]s|te puede interesar|lee también|(?:articoli|notizie) correlat[ei]|leggi anche"
            + "|potrebbe interessarti|leia também|(?:notícias|artigos) relacionad[oa]s|veja também|lees ook|gerelateerde artikelen"
            + "|czytaj (?:także|też)|zobacz (?:także|też)|podobne artykuły|ilgili haberler|читайте также|похожие (?:статьи|новости)"
            + ")\\s*[:?]?";

    /** Short labels that are chrome whatever follows them on the same short line. */
    static final Pattern LABEL = Pattern.compile("(?iu)^(?:advertisement|advertising|anzeige|werbung|publicité"
            + "|publicidad|pubblicità|publicidade|advertentie|annonce|reklama|реклама|iklan|광고|广告|広告"
            + "|sponsored(?: content)?|"
            + "promoted(?: content)?|paid (?:content|post)|ad|ads|skip (?:to )?(?:main )?content|skip ad|"
            + "loading\\b.*|read (?:more|next)\\b.*|see (?:also|more)\\b.*|related(?: (?:stories|articles|content|coverage|news|posts|topics|reading))?\\b.*|"
            + "more (?:from|on|about|stories|news)\\b.*|recommended(?: for you| stories| reading)?\\b.*|most (?:read|popular|viewed|shared)\\b.*|"
            + "trending(?: now| stories)?\\b.*|(?:you|we think you) (?:may|might) (?:also )?(?:like|enjoy)\\b.*|also read\\b.*|up next\\b.*|"
            + "click here\\b.*|share (?:this|on|via|the|article|story)\\b.*|share|tweet|print|email|copy link|"
            + "(?:follow|like) (?:us|\\S+(?: \\S+){0,3}) on\\b.*|(?:\\d+\\s+)?comments?|leave a (?:comment|reply)\\b.*|"
            + "post a comment\\b.*|add (?:a|your) comment\\b.*|show comments\\b.*|view comments\\b.*|"
            + "join the (?:conversation|discussion)\\b.*|(?:photo|image|picture|photograph|illustration|video)(?: credit)?s?\\s*:.*|"
            + "(?:©|\\(c\\)|copyright\\b).*|all rights reserved\\b.*|back to top|top stories|subscribe(?: now| today)?|(?:image|photo|picture|slide)\\s+\\d+\\s+(?:of|/)\\s+\\d+|don'?t miss\\b.*|tags?(?::.*)?|topics?:.*|filed under\\b.*"
            + "|" + RELATED_ELSEWHERE + ")$");
    private static final LeadingChars LABEL_STARTS = new LeadingChars(LABEL);
    /** Newsletter pleas: chrome when the line is short. */
    static final Pattern NEWSLETTER = Pattern.compile(
            "(?iu)\\b(?:sign(?:ing)? up|subscribe|subscription|newsletters?|in your inbox|to your inbox)\\b"
                    + ".*\\b(?:you|your|our|free|now|today|here|daily|weekly|email)\\b"
                    + "|\\b(?:you|your|our|free|daily|weekly)\\b.*\\b(?:newsletters?|inbox|subscribe)\\b");
    /**
     * A notice pattern, tried only when the line, {@linkplain #folded folded} as the pattern's
     * case-blind matching folds it, contains one of its keywords. Every alternative of the
     * pattern contains one of them as literal text (spaces included), so a line without any
     * cannot match. Keywords as specific as that allows ("not be published", not "read")
     * leave most story lines untried.
     */
    record Notice(List<String> keywords, Pattern pattern) {
        static Notice of(String keywords, String regex) {
            return new Notice(List.of(keywords.split("\\|")), Pattern.compile(regex));
        }
    }

    /** Notices and forms: ad blockers, comments, cookies, scripts, apps, donations. */
    static final List<Notice> NOTICES = List.of(
            Notice.of("adblock|ad block|ad-block|disabl|whitelist|allowlist|allow list", "(?iu)\\bad[ -]?block|\\bdisabl\\w* (?:your |their |the )?ad|\\bwhitelist\\b|\\ballow ?list(?:ing)? (?:us|our)"),
            Notice.of("not be published|required fields|in to |register to ", "(?iu)\\byour email address will not be published|required fields are marked"
                    + "|\\b(?:log ?in|sign ?in|register) to (?:comment|reply|continue|read)"),
            Notice.of("cookie|privacy|terms", "(?iu)\\b(?:we|this (?:site|website)) uses? cookies|\\baccept (?:all )?cookies|cookie (?:policy|settings|preferences)"
                    + "|\\bprivacy policy\\b.*\\bterms\\b|\\bterms of (?:use|service)\\b"),
            Notice.of("©|(c)|reserved", "©|\\(c\\) (?:19|20)\\d\\d|(?i)all rights reserved"),
            Notice.of("follow us|follow him|follow her|follow them|follow me|@", "(?u)\\b(?i:follow (?:us|him|her|them|me) (?:on|@))|\\b(?i:email|e-mail|contact) \\p{Lu}\\p{L}+ (?:\\p{Lu}\\p{L}+ )?at \\S+@"),
            Notice.of("javascript|browser|thanks to", "(?iu)\\b(?:please )?enable javascript|your browser does not support|\\bis available to you thanks to"),
            Notice.of(" app|journalism|donate", "(?iu)^(?:get|download) (?:the|our) \\S+ app\\b|\\bsupport (?:our|independent) journalism\\b|\\bdonate (?:now|today)\\b"));
    private static final List<String> NEWSLETTER_KEYWORDS = List.of("sign up", "signing up", "subscri", "newsletter", "inbox");
    /** The only keyword outside ASCII, which {@link FragmentSet} does not take: looked for apart. */
    private static final String COPYRIGHT_SIGN = "©";
    /**
     * Every notice's keywords (group {@code i} for notice {@code i}) and the newsletter keywords
     * (the last group), found in one read of the {@linkplain #folded folded} line.
     */
    private static final FragmentSet KEYWORDS = keywordGroups();
    static final int NEWSLETTER_GROUP = 1 << NOTICES.size();
    /** The notices (as bits) whose keywords include the copyright sign. */
    private static final int COPYRIGHT_GROUPS = copyrightGroups();

    private static FragmentSet keywordGroups() {
        String[][] groups = new String[NOTICES.size() + 1][];
        for (int i = 0; i < NOTICES.size(); i++) {
            groups[i] = NOTICES.get(i).keywords().stream()
                    .filter(k -> !k.equals(COPYRIGHT_SIGN)).toArray(String[]::new);
        }
        groups[NOTICES.size()] = NEWSLETTER_KEYWORDS.toArray(String[]::new);
        return FragmentSet.of(groups);
    }

    private static int copyrightGroups() {
        int groups = 0;
        for (int i = 0; i < NOTICES.size(); i++) {
            if (NOTICES.get(i).keywords().contains(COPYRIGHT_SIGN)) {
                groups |= 1 << i;
            }
        }
        return groups;
    }

    /** The keyword groups in {@code line}: bit {@code i} for notice {@code i}, then the newsletter bit. */
    static int keywordGroupsIn(String line) {
        int groups = KEYWORDS.groupsIn(new Folded(line));
        // No other character folds to the copyright sign, nor it to another.
        return line.contains(COPYRIGHT_SIGN) ? groups | COPYRIGHT_GROUPS : groups;
    }

    /** A line read {@linkplain #folded folded}, character by character, without copying it: it runs on every paragraph. */
    private record Folded(String line) implements CharSequence {
        @Override
        public int length() {
            return line.length();
        }

        @Override
        public char charAt(int index) {
            return fold(line.charAt(index));
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return folded(line.substring(start, end));
        }

        @Override
        public String toString() {
            return folded(line);
        }
    }

    private static char fold(char c) {
        return c < 0x80 ? Prose.asciiLower(c) : Character.toLowerCase(Character.toUpperCase(c));
    }

    /**
     * The line as case-blind pattern matching ({@code (?iu)}) reads it: each character
     * upper-cased, then lower-cased. Plain lower-casing would read a dotless 'ı', a long 'ſ'
     * or a dotted 'İ' otherwise than the patterns, which take them for 'i', 's' and 'i'.
     */
    static String folded(String line) {
        char[] out = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            char f = fold(c);
            if (f != c) {
                if (out == null) {
                    out = line.toCharArray();
                }
                out[i] = f;
            }
        }
        return out == null ? line : new String(out);
    }

    private ChromeLines() {
    }

    /** Whether one normalised line or paragraph is site chrome. */
    static boolean isChrome(String line) {
        String s = line.strip();
        if (isPunctuationOnly(s)) {
            return true;
        }
        if (s.length() <= MAX_LABEL_CHARS && LABEL_STARTS.matches(s)) {
            return true;
        }
        if (s.length() > MAX_NOTICE_CHARS) {
            return false;
        }
        int keywords = keywordGroupsIn(s);
        if (s.length() <= MAX_PLEA_CHARS && (keywords & NEWSLETTER_GROUP) != 0 && NEWSLETTER.matcher(s).find()) {
            return true;
        }
        for (int i = 0; i < NOTICES.size(); i++) {
            if ((keywords & (1 << i)) != 0 && NOTICES.get(i).pattern().matcher(s).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code [\p{P}\p{S}\s]*}: only punctuation, symbols and ASCII white space (a loop:
     * this runs on every paragraph, most of which fail at their first letter).
     */
    static boolean isPunctuationOnly(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            boolean asciiSpace = cp == ' ' || cp == '\t' || cp == '\n' || cp == 0x0B || cp == '\f' || cp == '\r';
            if (!asciiSpace && !isPunctuationOrSymbol(cp)) {
                return false;
            }
        }
        return true;
    }

    /** A code point of the Unicode categories {@code \p{P}} (punctuation) or {@code \p{S}} (symbols). */
    static boolean isPunctuationOrSymbol(int cp) {
        switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL,
                    Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL:
                return true;
            default:
                return false;
        }
    }
}
