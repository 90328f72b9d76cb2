/**
 * The entity stage: recognise the people, organisations, places and other names of one article
 * and link each to one canonical entity.
 *
 * <p>{@link newsflow.entities.EntityTagger} is the contract; {@link
 * newsflow.entities.NewsEntityTagger#load()} builds the real implementation once (the neural
 * model and the knowledge base, about a second) and is then thread-safe. One call of
 * {@code tag(title, text)} runs these steps, each a small class, assembled in one place
 * ({@code NewsEntityTagger.tag} and {@code SpanResolver.resolve}); every family of rules after
 * the recogniser is an {@link newsflow.entities.EntityRule} that the evaluation can switch off,
 * and stays only while it helps on text it was not tuned on (ablation table in BENCHMARKS.md):
 *
 * <ol>
 *   <li><b>Recognition</b> ({@link newsflow.entities.NeuralRecognizer}). {@code WordTokenizer}
 *       splits the text into sentences of tokens with character offsets, as CoNLL-2003 writes
 *       them. The project's BiLSTM-CNN-CRF (word vectors, a casing class and a character CNN per
 *       token; trained by {@code training/ner/train.py} on CoNLL-2003 with case augmentation, so
 *       headlines in capitals are read; see its model card) gives tag scores through ONNX
 *       Runtime, Viterbi decodes BIO tags over PER, ORG, LOC and MISC in Java, and
 *       forward-backward gives each token's tag probability; a span's confidence is the lowest
 *       over its tokens. English only: {@link newsflow.entities.EntityTagger#supportsLanguage}
 *       tells the stage to leave other languages untagged (and count them). {@code
 *       NewsEntityTagger.load()} then tags a built-in article three times, so the first real
 *       article does not pay for class loading and JIT compilation.</li>
 *   <li><b>Knowledge base</b> ({@link newsflow.entities.KnowledgeBase}, resource
 *       {@code kb/entities.tsv}, line {@code #version N}). Canonical entities with id, kind, name,
 *       aliases and the names among them that are ambiguous: every ISO 3166 country and territory,
 *       regions, capitals and major cities, international organisations, central state
 *       institutions of major powers, well-known armed groups, news agencies and outlets of
 *       international reach, heads of state and government, and about 70 major multinational
 *       companies. Nothing narrower (ministers, officials, minor places, smaller companies,
 *       clubs): those are left to the recogniser and to in-article linking, so the knowledge base
 *       cannot encode answers for particular articles. Ids are
 *       Wikidata QIDs where known with confidence, otherwise {@code nf:} ids. Countries,
 *       organisations and people have a fixed type; a city or region may stand for its club, and
 *       a seat ("Kremlin", "White House") for a place or its institution, by context.</li>
 *   <li><b>Matching</b> ({@link newsflow.entities.KbMatcher}). An Aho-Corasick automaton
 *       ({@code org.ahocorasick}) over every alias finds KB names on word boundaries; a hyphen or
 *       apostrophe joined to letters continues the word ("Xi'an", "Asia-Pacific"), a possessive
 *       does not. A hit counts if its case agrees with the alias: exactly, or in capitals for
 *       aliases of four letters or more; an acronym that is also a word ("US", "WHO") only in
 *       mixed-case context. Longest, then leftmost, wins.</li>
 *   <li><b>Merging and cleaning</b> ({@link newsflow.entities.SpanResolver},
 *       {@link newsflow.entities.KbContext}, {@link newsflow.entities.JunkFilter}). recogniser spans are
 *       split ("A Ministry and B", "X Committee of the Y Agency", "name/credit", "A and B" when the
 *       article writes each alone), East Asian names cut short are completed ("Ri" + "Pyong
 *       Chol"), a regnal number joins its name ("Elizabeth I"), a name split at its particles is
 *       joined ("Joost van der Westhuizen"), titles, bylines, credits, possessives, qualifiers
 *       ("Oslo-based"), "Shares of", a headline's topic ("BOXING-BRUNO") and lower-case words are
 *       trimmed, junk (bare titles, stop words, interface words on short lines, icon alt text, web
 *       domains) is dropped, a name after "city of" or ending in a place noun ("Cosmodrome") is a
 *       place, and a name ending in a legal form ("Lear Corp", or "Dow Chemical" + "Co"), or a
 *       MISC name ending in an organisation's head noun ("American Stock Exchange"), is an
 *       organisation. Then each KB hit: a one-word place or organisation that is a
 *       word of a person's full name in the article stays that person's name ("Jordan" with "Jim
 *       Jordan"); with the same range as a recogniser span it links it, but overrides the recogniser's type only
 *       when the recogniser is weak (MISC, marginal below 0.6, "the X", an exact acronym, or supporting
 *       context); inside a longer recogniser span it is ignored; covering recogniser spans it replaces them;
 *       alone it is added. An ambiguous name ("Chad", "Turkey", "Fed", "Xi") needs recogniser agreement
 *       or context ("in X", "X's government", a dateline, "the Fed", "President Xi"), never counts
 *       alone at sentence start unless an actor verb follows, and yields when the article writes
 *       it in lower case ("fed up"). "North Korean" + "Foreign Ministry" and "Bank" + "of England"
 *       are joined into one organisation. Two names joined by "and" or "or" share the type the
 *       recogniser is sure of ("Donetsk and Luhansk"). Layout and context then decide some types
 *       outright: a city or region playing a match or
 *       joined by a player is its team ("victory over Gloucester", "joined Milan", "Norwich
 *       striker"); every team of a results line or standings row ({@link
 *       newsflow.entities.ResultTables}: "Reading 2 Stoke 2", "Stoke 4 3 1 0 7 4 10") is an
 *       organisation over its full name, a country excepted; and a competitor with a country in
 *       brackets or a player after a shirt number is a person ("Venuste Niyongabo (Burundi)",
 *       "10 - Youri Djorkaeff").</li>
 *   <li><b>Linking</b> ({@link newsflow.entities.MentionLinker}). In text order, a mention joins:
 *       for a one-word person (or MISC) mention that is no KB entity of another type, the person
 *       whose full name has it as surname, case-exact (last word, or first word for names written
 *       surname first, {@link newsflow.entities.Surnames}); else the entity with the same KB id;
 *       else the one with the same folded name, if KB ids and types agree; else an entity of the
 *       same type whose name is a transliteration variant
 *       ({@link newsflow.entities.Transliteration}: names folded word by word with Korean/Chinese
 *       or Russian romanisation tables and compared as keys, one edit allowed only on words of
 *       six letters or more, so "Choe Sun Hui" joins "Choe Son Hui" but "Ri Pyong Chol" never
 *       joins "Ri Yong Chol"); else a KB entity it spells differently. A one-word person name met
 *       before the full name joins it afterwards under the same rules, and a one-word given name
 *       joins the only person with a full name that starts with it ("Vladimir", "Alan"). The entity's type is the
 *       majority of its mentions' types (ties: KB type). Then a company's short names join it
 *       ({@link newsflow.entities.OrganisationAliases}: "Magna" and "Lear" with "Magna
 *       International Inc" and "Lear Corp").</li>
 *   <li><b>Propagation</b> ({@link newsflow.entities.MentionPropagation}). Other occurrences of
 *       an entity's names, as written or in capitals, and of a person's surname (guarded against
 *       ordinary words), join it: this recovers headline mentions and names the recogniser missed in one
 *       sentence but found in another.</li>
 *   <li><b>Sure types</b> ({@link newsflow.entities.ConfidentTypes}). A mention whose type the
 *       recogniser is sure of (probability 0.9 or more) or a layout rule decided, but which its
 *       entity's majority outvoted, leaves to an entity of its own type: "NICE" the club in the
 *       headline and "NICE" the city in the dateline are two entities.</li>
 *   <li><b>Ids</b> ({@link newsflow.entities.EntityIds}). A KB entity keeps its KB id. Any other
 *       entity gets {@code nf:<type>:<folded slug>} of its name (its most frequent mention of two
 *       words or more), folded as in transliteration, so "Sergey Ivanov" and "Sergei Ivanov" get
 *       one id in every article.</li>
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
