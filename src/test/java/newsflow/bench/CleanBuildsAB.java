package newsflow.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * The clean stage of two builds, paired: both builds' classes are loaded side by side in one
 * JVM, each page is cleaned by one build and then by the other (which goes first alternates),
 * and each call is timed. Load from other processes then falls on both builds alike, which it
 * does not between two JMH runs minutes apart; on the 2-core machine this tells a 3 % change
 * from noise where JMH could not tell 30 %.
 *
 * <p>Run after {@code mvn test-compile}, with the base build's classes in a worktree:
 * {@code java -cp target/test-classes:$(cat /tmp/newsflow.cp) newsflow.bench.CleanBuildsAB
 * BASE/target/classes target/classes [pages-dir] [seconds]}. Each build gets its own copy of
 * every dependency (the jars of this JVM's class path), so the builds share no compiled code.
 * Prints each build's mean time per page and B/A, after a warm-up as long as the timed part.
 */
public final class CleanBuildsAB {

    private CleanBuildsAB() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: CleanBuildsAB CLASSES_A CLASSES_B [PAGES_DIR (*.html.gz)] [SECONDS]");
            System.exit(2);
        }
        Path pagesDir = Path.of(args.length > 2 ? args[2] : "../shared/bench/extraction/html");
        double seconds = args.length > 3 ? Double.parseDouble(args[3]) : 20;
        Build a = new Build(Path.of(args[0]));
        Build b = new Build(Path.of(args[1]));
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(pagesDir, "*.html.gz")) {
            dir.forEach(files::add);
        }
        List<Object> pagesA = new ArrayList<>();
        List<Object> pagesB = new ArrayList<>();
        for (Path f : files) {
            byte[] bytes = gunzip(f);
            String url = "https://bench.example/" + f.getFileName();
            pagesA.add(a.page(url, bytes));
            pagesB.add(b.page(url, bytes));
        }
        for (int phase = 0; phase < 2; phase++) {
            long timeA = 0;
            long timeB = 0;
            long n = 0;
            long end = System.nanoTime() + (long) (seconds * 1e9);
            while (System.nanoTime() < end) {
                for (int i = 0; i < files.size(); i++) {
                    boolean aFirst = (n & 1) == 0;
                    long t0 = System.nanoTime();
                    if (aFirst) {
                        a.clean(pagesA.get(i));
                    } else {
                        b.clean(pagesB.get(i));
                    }
                    long t1 = System.nanoTime();
                    if (aFirst) {
                        b.clean(pagesB.get(i));
                    } else {
                        a.clean(pagesA.get(i));
                    }
                    long t2 = System.nanoTime();
                    timeA += aFirst ? t1 - t0 : t2 - t1;
                    timeB += aFirst ? t2 - t1 : t1 - t0;
                    n++;
                }
            }
            if (phase == 1) {
                System.out.printf(Locale.ROOT, "%d pages each: A %.3f ms, B %.3f ms a page; B/A %.3f%n",
                    n, timeA / 1e6 / n, timeB / 1e6 / n, (double) timeB / timeA);
            }
        }
    }

    private static byte[] gunzip(Path f) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One build's cleaner, reached by reflection through a class loader of its own. */
    private static final class Build {
        private final Object cleaner;
        private final Method clean;
        private final Method ofHtml;
        private final Method decode;

        Build(Path classes) throws ReflectiveOperationException, MalformedURLException {
            List<URL> urls = new ArrayList<>();
            urls.add(classes.toUri().toURL());
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                if (entry.endsWith(".jar")) {
                    urls.add(Path.of(entry).toUri().toURL());
                }
            }
            ClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
            Class<?> policy = loader.loadClass("newsflow.clean.CleaningPolicy");
            Class<?> cleanerClass = loader.loadClass("newsflow.clean.ArticleCleaner");
            Class<?> page = loader.loadClass("newsflow.ingest.RawPage");
            cleaner = cleanerClass.getConstructor(policy).newInstance(policy.getMethod("newsDefaults").invoke(null));
            clean = cleanerClass.getMethod("clean", page);
            ofHtml = page.getMethod("ofHtml", String.class, String.class);
            decode = loader.loadClass("newsflow.ingest.HtmlCharsets").getMethod("decode", byte[].class, String.class);
        }

        /** The page as this build's raw record, decoded as this build decodes HTML files. */
        Object page(String url, byte[] bytes) throws ReflectiveOperationException {
            return ofHtml.invoke(null, url, decode.invoke(null, bytes, null));
        }

        void clean(Object page) throws IllegalAccessException {
            try {
                clean.invoke(cleaner, page);
            } catch (InvocationTargetException e) {
                // a page the stage rejects (no article body): timed like any other
            }
        }
    }
}
