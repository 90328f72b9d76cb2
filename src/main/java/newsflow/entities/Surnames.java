package newsflow.entities;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Family names of languages that write the family name first (Korean, Chinese, Vietnamese), so
 * that "Kim" may stand for "Kim Jong Un" and "Xi" for "Xi Jinping", while in "Chad Smith" only
 * "Smith" stands for the person. The lists hold the most common romanised family names, not any
 * particular person. Stateless and thread-safe.
 */
final class Surnames {

    private static final Set<String> SURNAME_FIRST = Set.of(
            // Korean
            "kim", "lee", "ri", "yi", "rhee", "park", "pak", "bak", "choi", "choe", "chung", "jung", "jeong",
            "kang", "cho", "jo", "yoon", "yun", "jang", "chang", "lim", "rim", "han", "oh", "seo", "shin", "sin",
            "kwon", "hwang", "ahn", "an", "song", "jeon", "jon", "chon", "hong", "ko", "go", "moon", "mun", "yang",
            "son", "bae", "baek", "paek", "heo", "ho", "nam", "noh", "no", "ha", "kwak", "sung", "ryu", "yu",
            "jin", "chae", "won", "um", "eom",
            // Chinese
            "wang", "li", "zhang", "liu", "chen", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma",
            "zhu", "hu", "guo", "he", "lin", "luo", "gao", "zheng", "liang", "xie", "tang", "xi", "deng", "feng",
            "cao", "peng", "zeng", "xiao", "tian", "dong", "pan", "yuan", "cai", "jiang", "du", "ye", "cheng",
            "wei", "su", "lu", "ding", "ren", "shen", "yao", "qin", "fu", "fan", "tan", "lai", "tsai",
            // Vietnamese
            "nguyen", "tran", "le", "pham", "hoang", "huynh", "vo", "vu", "dang", "bui", "do", "ngo", "duong");

    private Surnames() {
    }

    /** Whether a name of two or more words starts with a family name of a surname-first language. */
    static boolean isSurnameFirst(List<String> words) {
        return words.size() >= 2 && SURNAME_FIRST.contains(EntityIds.fold(words.get(0)).toLowerCase(Locale.ROOT));
    }
}
