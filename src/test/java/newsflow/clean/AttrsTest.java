package newsflow.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** {@link Attrs} reads by lower-case name what the page wrote in any case, as Jsoup's case-blind reads do. */
class AttrsTest {

    @Test
    void attributesWrittenInAnyCaseAreReadByTheirLowerCaseNames() {
        Element div = Jsoup.parse("<DIV ID=x ItemProp=articleBody CLASS=' Story Body '>t</DIV>").selectFirst("div");
        assertEquals(div.id(), Attrs.id(div));
        assertEquals(div.attr("itemprop"), Attrs.get(div, "itemprop"));
        assertEquals(div.className(), Attrs.className(div));
        assertEquals("articleBody", Attrs.get(Attrs.of(div), "itemprop"));
    }

    @Test
    void aFragmentParsedForItsArticleBodyIsReadTheSameWay() {
        Element p = Jsoup.parseBodyFragment("<P Class=Lede>t</P>").selectFirst("p");
        assertEquals("Lede", Attrs.className(p));
    }

    @Test
    void anElementWithoutAttributesReadsEmptyAndGetsNoAttributeSet() {
        Element p = Jsoup.parse("<p>t</p>").selectFirst("p");
        assertNull(Attrs.of(p));
        assertEquals("", Attrs.get(p, "class"));
        assertEquals("", Attrs.get(Attrs.of(p), "class"));
        assertEquals(0, p.attributesSize());
    }
}
