package org.chinwag.privacy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal details in residents' text before staff, APIs or exports see it: email addresses,
 * NHS numbers (checksum-validated, so other 10-digit numbers stay), UK phone numbers, full
 * postcodes (a district such as "LS12" on its own is kept: it is the area data we ask for), street
 * addresses with a house number, and people's names where a phrase gives them away ("my name is",
 * "Dr Patel", "my son Jack"). Rules run in that order on the text as masked so far. Deliberately
 * conservative about names: place names, "I" and ordinary capitalised words are left alone.
 * Stateless and thread-safe.
 */
public final class Redactor {

    public static final String PHONE = "[phone]";
    public static final String EMAIL = "[email]";
    public static final String POSTCODE = "[postcode]";
    public static final String NHS_NUMBER = "[NHS number]";
    public static final String ADDRESS = "[address]";
    public static final String NAME = "[name]";

    /** One masking rule: what to find, what to put instead, and an optional check on each match. */
    private record Rule(Pattern pattern, Replacement replacement, Predicate<MatchResult> accept) {
        String apply(String text) {
            Matcher m = pattern.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value = accept.test(m) ? replacement.replace(m) : m.group();
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            return out.toString();
        }
    }

    @FunctionalInterface
    private interface Replacement {
        String replace(MatchResult m);
    }

    private static Rule rule(String regex, String mask) {
        return new Rule(Pattern.compile(regex), m -> mask, m -> true);
    }

    // ---- emails and numbers

    private static final Rule EMAILS = rule("(?i)(?<![\\w.+-])[a-z0-9._%+-]+@[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.[a-z]{2,}\\b", EMAIL);

    /** Ten digits, alone or as 3-3-4 with spaces or dashes; masked only when the mod-11 check digit is right. */
    private static final Rule NHS_NUMBERS = new Rule(
            Pattern.compile("(?<![\\d+])(\\d{3})[ -]?(\\d{3})[ -]?(\\d{4})(?![\\d])"),
            m -> NHS_NUMBER,
            m -> validNhsNumber(m.group(1) + m.group(2) + m.group(3)));

    /**
     * UK numbers: 0 or +44/0044 (optionally "(0)") then 9-10 more digits, spaces, dashes or brackets
     * between. Freephone 0800/0808 numbers are helplines and organisations, not residents, so they
     * stay (the bot's own signposting mentions 0808 2000 247).
     */
    private static final Rule PHONES = rule(
            "(?<![\\w+])(?:(?:\\+|00)\\s?44[\\s-]?(?:\\(0\\)[\\s-]?)?|\\(?0(?!80[08]))\\d(?:[\\s\\-)]{0,2}\\d){8,9}(?!\\d)", PHONE);

    /**
     * Full postcodes only: outward code, optional space, inward code (a digit and two letters, never
     * C, I, K, M, O or V, which also keeps "b4 2pm" and "m62 8am" safe).
     */
    private static final Rule POSTCODES = rule(
            "(?i)\\b[a-z]{1,2}\\d[a-z\\d]?\\s*\\d[abd-hjlnp-uw-z]{2}\\b", POSTCODE);

    // ---- street addresses

    /** Words that can sit between a number and a street suffix but never name a street. */
    private static final String NOT_A_STREET_WORD = "(?:the|a|an|my|our|your|his|her|their|this|that|down|up|along|on|in|at|to|"
            + "from|of|off|by|near|per|and|or|but|more|less|other|every|each|only|just|about|over|under|way|min|mins|minute|"
            + "minutes|hour|hours|hr|hrs|day|days|week|weeks|month|months|year|years|yr|yrs|mile|miles|times|people|kids|"
            + "children|bus|buses|pound|pounds|quid|pence|stops|stop|steps|floors|doors|houses|flats|metres|yards|foot|feet|"
            + "is|was|are|were|be|it|its|i|we|you|he|she|they|very|really|too|so|long|short|nice|good|big|small|old|new)";
    private static final String STRONG_SUFFIX = "(?:road|rd|street|avenue|ave|lane|crescent|terrace)";
    private static final String WEAK_SUFFIX = "(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Crescent|Cres|Terrace|Grove|"
            + "Court|Ct|Gardens|Gdns|Place|Pl|View|Walk|Way|Mount|Rise|Hill|Square|Sq|Parade|Row|Mews|Green|Vale|Fold|"
            + "Approach|Garth|Chase|Avenue|Croft|Bank|Park)";
    private static final String FLAT = "(?:(?i:flat|apartment|apt|unit|room)\\s*\\d{1,4}[a-zA-Z]?\\s*,?\\s*)?";
    private static final String HOUSE_NUMBER = "\\b\\d{1,4}[a-zA-Z]?,?\\s+";

    /** Lower-case is fine with an unmistakable suffix: "12 tong road". */
    private static final Rule ADDRESSES_ANY_CASE = rule("(?i)" + FLAT + HOUSE_NUMBER
            + "(?:(?!" + NOT_A_STREET_WORD + "\\b)[a-z'\u2019-]+\\s+){1,3}" + STRONG_SUFFIX + "\\b\\.?", ADDRESS);

    /** Other suffixes ("Place", "View", "Court") need capitalised names, so "1 nice place" stays. */
    private static final Rule ADDRESSES_CAPITALISED = rule(FLAT + HOUSE_NUMBER
            + "(?:(?!(?i:" + NOT_A_STREET_WORD + ")\\b)[A-Z][a-zA-Z'\u2019-]*\\s+){1,3}" + WEAK_SUFFIX + "\\b\\.?", ADDRESS);

    // ---- names

    /** Capitalised words that follow "I'm" or a relation without being names. */
    private static final Set<String> NOT_NAMES = Set.of(
            "english", "british", "scottish", "welsh", "irish", "polish", "romanian", "pakistani", "indian", "bangladeshi",
            "kashmiri", "chinese", "african", "caribbean", "asian", "black", "white", "mixed", "european", "muslim",
            "christian", "catholic", "jewish", "sikh", "hindu", "buddhist", "atheist", "gay", "lesbian", "bi", "trans",
            "deaf", "blind", "disabled", "autistic", "ok", "okay", "fine", "good", "great", "well", "not", "so", "very",
            "just", "really", "sorry", "happy", "sad", "tired", "here", "there", "still", "also", "yorkshire", "leeds",
            "from", "in", "at", "on", "and", "but", "the", "a", "an", "i", "im", "retired", "unemployed", "pregnant",
            "single", "married", "divorced", "widowed", "new", "old", "young", "late", "back", "home", "out", "off",
            "glad", "sure", "afraid", "worried", "struggling", "feeling", "going", "getting", "doing", "trying", "looking",
            "living", "working", "nhs", "gp", "dr", "mr", "mrs", "ms", "miss", "christmas", "easter", "eid", "diwali",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "jan", "january", "february",
            "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "who",
            "what", "when", "where", "why", "how", "was", "is", "are", "were", "said", "says", "told", "has", "had", "will",
            "would", "can", "could", "did", "does", "do", "never", "always", "lovely", "brilliant", "rubbish", "nice",
            "thanks", "lol", "btw", "by", "too", "mate", "love", "x", "xx", "teams", "surgery", "practice", "centre",
            "hospital", "council", "service", "services", "team", "it", "he", "she", "they", "we", "you", "my", "me");

    private static final String CAPITALISED = "[A-Z][a-z'\u2019-]+(?:-[A-Z][a-z]+)?";
    private static final String WORD = "[A-Za-z][a-z'\u2019-]+";

    /** "my name is Sarah Jones", "my name's dave": an explicit introduction, any case; "call me Dave" only capitalised. */
    private static final Rule INTRODUCTIONS = new Rule(
            Pattern.compile("(?i:\\b(?:my name is|my names|my name\u2019s|my name's|name's|i am called|i'm called|im called)\\s+)"
                    + "(" + WORD + ")(\\s+" + WORD + ")?"
                    + "|(?i:\\b(?:call me|they call me|people call me|everyone calls me)\\s+)(" + CAPITALISED + ")(\\s+" + CAPITALISED + ")?"),
            m -> m.group(1) != null
                    ? m.group().substring(0, m.start(1) - m.start()) + NAME + secondIfNotName(m)
                    : m.group().substring(0, m.start(3) - m.start()) + NAME,
            m -> isName(m.group(1) != null ? m.group(1) : m.group(3)));

    /** "I'm Dave", "I am Priya Shah": only a capitalised word that is not an ordinary one. */
    private static final Rule SELF_INTRODUCTIONS = new Rule(
            Pattern.compile("\\b(?:I'm|I\u2019m|Im|I am|i'm|i\u2019m|im|i am)\\s+(" + CAPITALISED + ")(\\s+" + CAPITALISED + ")?(?=\\s*(?:$|[,.!;:]|\\s(?:and|from|here|again)\\b))"),
            m -> m.group().substring(0, m.start(1) - m.start()) + NAME,
            m -> isName(m.group(1)) && (m.group(2) == null || isName(m.group(2).strip())));

    /** "Dr Patel", "dr. patel", "Mrs Khan", "Nurse Adams": the title stays, the name goes. */
    private static final Rule TITLED = new Rule(
            Pattern.compile("\\b(?:(?i:dr|mr|mrs|ms|mx)\\.?\\s+(" + WORD + ")|(?:Doctor|Nurse|Miss|Prof|Professor|Sister|Father|Councillor|Cllr)\\.?\\s+(" + CAPITALISED + "))(\\s+" + CAPITALISED + ")?"),
            m -> m.group().substring(0, (m.group(1) != null ? m.start(1) : m.start(2)) - m.start()) + NAME,
            m -> isName(m.group(1) != null ? m.group(1) : m.group(2)));

    /** "my son Jack", "my neighbour, Pat": a relation followed by a capitalised word. */
    private static final Rule RELATIONS = new Rule(
            Pattern.compile("(?i:\\b(?:my|our|his|her|their)\\s+(?:husband|wife|partner|son|daughter|boy|girl|lad|mum|mam|mom|dad|"
                    + "mother|father|brother|sister|friend|mate|neighbour|neighbor|nan|nana|gran|grandma|grandad|grandpa|grandson|"
                    + "granddaughter|uncle|aunt|auntie|aunty|cousin|nephew|niece|carer|boyfriend|girlfriend|fiance|fiancee|ex|"
                    + "stepdad|stepmum|step dad|step mum|baby|child|kid|landlord|landlady|boss|colleague|teacher|social worker|"
                    + "support worker|key worker|gp|doctor|nurse|midwife|health visitor)\\s*,?\\s+)(" + CAPITALISED + ")(\\s+" + CAPITALISED + ")?"),
            m -> m.group().substring(0, m.start(1) - m.start()) + NAME,
            m -> isName(m.group(1)) && (m.group(2) == null || isName(m.group(2).strip())));

    /** "thanks, Sarah" or "cheers Dave" closing the message. */
    private static final Rule SIGN_OFFS = new Rule(
            Pattern.compile("(?i:\\b(?:thanks|thank you|cheers|regards|best wishes|many thanks|love)\\s*,?\\s+)(" + CAPITALISED + ")(\\s+" + CAPITALISED + ")?(?=\\s*[.!]*\\s*$)"),
            m -> m.group().substring(0, m.start(1) - m.start()) + NAME,
            m -> isName(m.group(1)));

    private static final List<Rule> RULES = List.of(EMAILS, NHS_NUMBERS, PHONES, POSTCODES, ADDRESSES_ANY_CASE,
            ADDRESSES_CAPITALISED, INTRODUCTIONS, SELF_INTRODUCTIONS, TITLED, RELATIONS, SIGN_OFFS);

    public String redact(String text) {
        if (text == null || text.isEmpty()) return text;
        String s = text;
        for (Rule r : RULES) s = r.apply(s);
        return s;
    }

    public boolean containsPersonalData(String text) {
        return text != null && !redact(text).equals(text);
    }

    /** Keeps a second word that is not a name ("my name is Sarah and ...") after the mask. */
    private static String secondIfNotName(MatchResult m) {
        return m.group(2) == null || isName(m.group(2).strip()) ? "" : m.group(2);
    }

    private static boolean isName(String word) {
        return word != null && !NOT_NAMES.contains(word.toLowerCase(Locale.ROOT).replace("\u2019", "'"));
    }

    /** NHS numbers: weights 10..2 on the first nine digits; 11 - (sum mod 11) is the check digit (11 means 0, 10 is invalid). */
    static boolean validNhsNumber(String digits) {
        if (digits.length() != 10 || digits.chars().distinct().count() == 1) return false;
        int sum = 0;
        for (int i = 0; i < 9; i++) sum += (digits.charAt(i) - '0') * (10 - i);
        int check = 11 - sum % 11;
        if (check == 11) check = 0;
        return check != 10 && check == digits.charAt(9) - '0';
    }
}
