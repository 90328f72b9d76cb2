/**
 * The entity stage: recognise the people, organisations, places and other names of one article
 * and link each to one canonical entity.
 *
 * <p>{@link newsflow.entities.EntityTagger} is the contract; {@link
 * newsflow.entities.NewsEntityTagger#load()} builds the real implementation once (two CRF models
 * and the knowledge base, 1 to 2 s, about 200 MB of heap) and is then thread-safe. One call of
 * {@code tag(title, text)} runs these steps, each a small class:
 *
 * <ol>
 *   <li><b>Recognition</b> ({@link newsflow.entities.CrfRecognizer}). CoreNLP's PTBTokenizer
 *       splits the text into tokens with character offsets, and sentences at sentence-final
 *       punctuation and line breaks. Each sentence is labelled by Stanford's pretrained CoNLL-2003
 *       4-class CRF ({@code english.conll.4class.distsim}, 89.1 span F1 on CoNLL test). A sentence
 *       whose words are mostly in capitals (a wire headline) is labelled by the caseless twin of
 *       that model instead. Consecutive tokens with
 *       the same label form a span. Both models are unpacked from the CoreNLP model jars at build
 *       time; the jars themselves are never on the classpath.</li>
 *   <li><b>Knowledge base</b> ({@link newsflow.entities.KnowledgeBase}, resource
 *       {@code kb/entities.tsv}, line {@code #version N}). Canonical entities with id, kind, name
 *       and aliases: every ISO 3166 country and territory with its ISO and common short names,
 *       regions, capitals and major cities, international organisations, central state
 *       institutions of major powers, well-known armed groups, news agencies and outlets of
 *       international reach, and heads of state and government. Nothing narrower (ministers,
 *       officials, minor places, companies): those are left to the recogniser and to in-article
 *       linking, so the knowledge base cannot encode answers for particular articles. Ids are Wikidata QIDs where known with
 *       confidence, otherwise project ids such as {@code nf:org:kremlin}. The kind decides the
 *       type and whether it is fixed: a city's name may stand for its sports club, so only cities
 *       leave the type to context.</li>
 *   <li><b>Matching</b> ({@link newsflow.entities.KbMatcher}). An Aho-Corasick automaton
 *       ({@code org.ahocorasick}) over every alias finds KB names on word boundaries. A hit counts
 *       if its case agrees with the alias: exactly, or in capitals for aliases of four letters or
 *       more; an acronym ("US", "WHO") only in mixed-case context. Longest, then leftmost, wins.
 *       {@code fuzzy} finds the KB entity a multi-word name spells differently.</li>
 *   <li><b>Merging and cleaning</b> ({@link newsflow.entities.SpanResolver},
 *       {@link newsflow.entities.JunkFilter}). CRF spans are cleaned first: "A and B" with two
 *       multi-word names is split; honorifics and titles are trimmed from the start of a person
 *       ("Mr Putin" keeps "Putin"), courtesy titles from any span, bylines ("By"), photo credits,
 *       possessives and punctuation from the edges. Junk is dropped: bare titles, stop words,
 *       spans without a capitalised word, interface words (social networks, "Calendar", "Share")
 *       on a short line, any span in a short sentence describing an icon or logo (alt text), and
 *       names followed by a web domain. Then a KB hit with the same range as a CRF span links it
 *       (the KB's type wins when fixed, or when the CRF said PERSON or MISC); a KB hit covering CRF
 *       spans replaces them; a KB hit inside a longer CRF span is ignored; a KB hit where the CRF
 *       found nothing is added if not junk. A demonym directly followed by a state body
 *       ("North Korean" + "Foreign Ministry") becomes one organisation.</li>
 *   <li><b>Linking</b> ({@link newsflow.entities.MentionLinker}). In text order, a mention joins:
 *       the entity with the same KB id (a one-word person alias first looks for a full name in
 *       the article); else the one with the same normalised name; else, for a one-word mention
 *       that is not a place, the person whose full name in this article starts or ends with it
 *       ("Kim", "Peskov"), the one with most mentions when several do; else an entity of the same
 *       type whose name is a transliteration variant, KB aliases included
 *       ({@link newsflow.entities.Transliteration}: same word count, one word identical, each
 *       word within a small edit distance, and for people first and last words identical, so
 *       "Choe Sun Hui" joins "Choe Son Hui" but "Kim Tok Hun" never joins "Kim Jong Un"); else a
 *       KB entity it spells differently. A one-word name met before its full name joins it
 *       afterwards. The entity's type is the majority of its mentions' types (ties: KB type).</li>
 *   <li><b>Propagation</b> ({@link newsflow.entities.MentionPropagation}). Other occurrences of
 *       an entity's names, as written or in capitals, and of a person's surname (guarded against
 *       ordinary words), join it: this recovers headline mentions and names the CRF missed in one
 *       sentence but found in another.</li>
 *   <li><b>Ids</b> ({@link newsflow.entities.EntityIds}). A KB entity keeps its KB id. Any other
 *       entity gets {@code nf:<type>:<slug>} from its type and canonical name (its longest
 *       mention; accents folded, lower case in {@code Locale.ROOT}, other characters to hyphens),
 *       so trends count it consistently across articles.</li>
 *   <li><b>Salience</b> ({@link newsflow.entities.Salience}). In [0, 1]: 0.45 for mention count
 *       relative to the article's most mentioned entity, 0.35 for an early first mention, 0.2 for
 *       presence in the title. Entities are returned most salient first.</li>
 * </ol>
 *
 * <p>Mentions in the title are evidence (salience) but are not reported, since mention offsets
 * point into {@code text}. {@code newsflow.eval.EntityEvaluation} measures a tagger on CoNLL
 * files at span and document level.
 */
package newsflow.entities;
