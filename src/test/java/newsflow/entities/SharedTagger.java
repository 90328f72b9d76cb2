package newsflow.entities;

/** One tagger for all tests of a JVM: loading the models takes about two seconds. */
public final class SharedTagger {

    private static NewsEntityTagger tagger;

    private SharedTagger() {
    }

    public static synchronized NewsEntityTagger get() {
        if (tagger == null) {
            tagger = NewsEntityTagger.load();
        }
        return tagger;
    }
}
