package newsflow.serving;

import java.time.Instant;
import java.util.List;

import newsflow.ingest.RawPage;
import newsflow.ingest.RawPageCodec;

/**
 * Distinct fictional news pages for the serving tests: different topics and wording (so no
 * dedupe strategy takes one for a rewrite of another), recurring names (so entities repeat
 * across articles), HTML with site chrome.
 */
final class Stories {

    /** Body paragraphs per story; "Elena Marsh" and "Port Aurel" recur across several. */
    static final List<String[]> BODIES = List.of(
        new String[] {"Mayor Elena Marsh opened the rebuilt ferry terminal in Port Aurel on Monday, six years after a storm wrecked the old pier.",
            "Commuters from the Vell Islands queued before dawn to board the first crossing, which took forty minutes in calm water.",
            "The harbour authority expects passenger numbers to double by summer once evening sailings resume."},
        new String[] {"A fire at the Gresham Paper Mill forced two hundred workers to leave the site on Tuesday afternoon, the county fire service said.",
            "Nobody was hurt, but smoke drifted across the river valley and schools in Lowbridge kept pupils indoors until evening.",
            "Investigators believe a dryer overheated; the mill's owners, Corvane Industries, said production would stop for a week."},
        new String[] {"Port Aurel University will build a marine research station on the northern headland, its chancellor announced.",
            "Elena Marsh welcomed the plan, saying scientists and students would bring year-round trade to cafes and guest houses.",
            "Construction of the laboratory, funded by a fisheries levy, is due to begin in autumn and finish within three years."},
        new String[] {"The Meridian Symphony Orchestra cancelled its winter tour after the conductor, Tomasz Wierzbicki, broke his wrist skiing.",
            "Ticket holders in Saltmarsh and Kettering will receive refunds automatically, the orchestra's manager wrote in a letter.",
            "Rehearsals for the spring season continue under an assistant conductor drawn from the string section."},
        new String[] {"Farmers near Port Aurel reported the earliest strawberry harvest in living memory after an unusually warm April.",
            "Pickers arrived from the Vell Islands and inland villages, filling caravans parked along hedgerows beside the coast road.",
            "Elena Marsh said the council would add buses to carry seasonal workers between the fields and the town centre."},
        new String[] {"Rail engineers finished replacing the Dunmore viaduct's iron girders a fortnight ahead of schedule on Friday.",
            "Trains between Dunmore and Castleford had been diverted over a slower freight line since the works began in January.",
            "Network operator Linehaul thanked residents for tolerating night work and floodlights near their gardens."});

    private Stories() {
    }

    /** The HTML page of story {@code i} under {@code title}. */
    static String html(int i, String title) {
        StringBuilder b = new StringBuilder("<html><head><title>").append(escape(title)).append(" | The Courier</title></head><body>")
            .append("<nav>Home | News | Sport | Weather | Sign in</nav><article><h1>").append(escape(title)).append("</h1>");
        for (String p : BODIES.get(i)) {
            b.append("<p>").append(p).append("</p>");
        }
        return b.append("</article><footer>Subscribe to our newsletter. Cookie settings.</footer></body></html>").toString();
    }

    /** A raw record of story {@code i}, published {@code published} (null: undated). */
    static byte[] raw(int i, String url, String title, Instant published, Instant fetched) {
        return RawPageCodec.encode(new RawPage(url, html(i, title), null, title, "The Courier",
            published == null ? null : published.toString(), fetched == null ? null : fetched.toString(), "en"));
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
