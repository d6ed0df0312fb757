package org.chinwag.safeguard;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The assertion step over a pattern hit: is it about the writer (or someone with them), now? In
 * the spirit of ConText (Harkema et al.), cue words around a hit decide who, when and what kind of
 * text it is, from {@code context-<lang>.txt}:
 * <ul>
 *   <li>{@code negated}: a denial at most three words before the hit, in the same clause ("i would
 *       never hurt myself"; {@code clause} words such as "and", "but" start a new one);
 *       {@code pseudo} cues that only look like one ("not sure", "no longer") are blanked first;</li>
 *   <li>{@code past} / {@code resolved}: long ago or over ("years ago", "i am fine now") in the hit's
 *       sentence or the next, with no {@code present} cue there ("again", "still", "tonight");
 *       resolved cues are blanked before present ones are looked for, so "fine now" is not "now";</li>
 *   <li>{@code topic}: talk about services, issues or news ("there should be more support for people
 *       who self harm") in a sentence with no {@code self} cue;</li>
 *   <li>{@code other}: someone else is the subject (named in the hit, "kill himself", or before it
 *       in a sentence without the writer in it): suicide, self_harm, abuse and low mood about
 *       someone else become a check-in, not an emergency.</li>
 * </ul>
 * A language without a context file keeps every hit as it is.
 */
final class ContextCues {

    enum Kind { NEGATED, PSEUDO, PAST, RESOLVED, PRESENT, SELF, TOPIC, OTHER, CLAUSE }

    /** Why a hit was set aside, or how it was kept. */
    enum Verdict { KEEP, OTHER_PERSON, NEGATED, PAST, TOPIC }

    static final ContextCues NONE = new ContextCues();
    /** For message-wide questions: a hit that overlaps nothing. */
    private static final PhrasePatterns.Hit NOWHERE = new PhrasePatterns.Hit(null, RiskLevel.NONE, -1, -1);
    private static final int NEGATION_GAP = 3;
    private static final int PRESENT_REACH = 6;
    /** How close topic talk must come before a hit, and how far before it the writer is looked for, in words. */
    private static final int TOPIC_GAP = 4;
    private static final int SELF_WINDOW = 3;

    /** A cue pattern and the literal text any match needs (most cues are absent from most texts). */
    private record Cue(Pattern pattern, RequiredText required) {}

    private final Map<Kind, List<Cue>> cues = new EnumMap<>(Kind.class);

    static ContextCues parse(String source, String content) {
        ContextCues c = new ContextCues();
        PatternFile file = new PatternFile();
        file.read(source, content, (kind, body) -> {
            if (kind.equals("define")) return;
            if (kind.equals("option")) {
                if (!body.equals("no-word-boundaries")) throw new IllegalArgumentException("the only option is 'no-word-boundaries'");
                file.wordBoundaries = false;
                return;
            }
            Kind k;
            try {
                k = Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown kind '" + kind + "' (negated, pseudo, past, resolved, present, self, topic, other, clause)");
            }
            c.cues.computeIfAbsent(k, x -> new ArrayList<>()).add(new Cue(file.compile(body), file.required(body)));
        });
        return c;
    }

    boolean isEmpty() {
        return cues.isEmpty();
    }

    /** What the context says about one hit in prepared text (sentences joined by {@link TextNormaliser#SENTENCE_BREAK}). */
    Verdict judge(String text, PhrasePatterns.Hit hit) {
        if (cues.isEmpty()) return Verdict.KEEP;
        int sentenceStart = text.lastIndexOf(TextNormaliser.SENTENCE_BREAK, hit.start());
        // (a hit may begin on the break itself)
        sentenceStart = sentenceStart < 0 ? 0 : Math.min(hit.start(), sentenceStart + TextNormaliser.SENTENCE_BREAK.length());
        int sentenceEnd = text.indexOf(TextNormaliser.SENTENCE_BREAK, hit.end());
        sentenceEnd = sentenceEnd < 0 ? text.length() : sentenceEnd;
        int nextEnd = sentenceEnd >= text.length() ? text.length()
                : text.indexOf(TextNormaliser.SENTENCE_BREAK, sentenceEnd + TextNormaliser.SENTENCE_BREAK.length());
        nextEnd = nextEnd < 0 ? text.length() : nextEnd;

        String sentence = blank(text.substring(0, sentenceEnd), Kind.PSEUDO, sentenceStart, hit);
        if (negated(sentence, sentenceStart, hit)) return Verdict.NEGATED;

        String window = blank(text.substring(0, nextEnd), Kind.PSEUDO, sentenceStart, hit);
        boolean resolved = any(window, Kind.RESOLVED, sentenceStart, hit, false);
        String unresolved = blank(window, Kind.RESOLVED, sentenceStart, hit);
        boolean present = near(unresolved, Kind.PRESENT, sentenceStart, hit);
        boolean past = resolved || any(unresolved, Kind.PAST, sentenceStart, hit, false);
        if (past && !present) return Verdict.PAST;

        // "my" in "my friend" is the friend, not the writer: other people are blanked before looking for the writer
        boolean self = any(blank(sentence, Kind.OTHER, sentenceStart, hit), Kind.SELF, sentenceStart, hit, true);
        if (!self && any(sentence, Kind.TOPIC, sentenceStart, hit, false)) return Verdict.TOPIC;
        // someone else: named in the hit itself ("kill himself"), or before it in a sentence where
        // the writer does not appear ("my friend says she wants to die"); never when the hit is about "me"
        String inHit = text.substring(0, hit.end());
        if (any(inHit, Kind.SELF, hit.start(), hit, true)) return Verdict.KEEP;
        if (topicJustBefore(sentence, blank(sentence, Kind.OTHER, sentenceStart, hit), sentenceStart, hit)) return Verdict.TOPIC;
        if (any(inHit, Kind.OTHER, hit.start(), hit, true)) return Verdict.OTHER_PERSON;
        if (!self && any(sentence, Kind.OTHER, sentenceStart, hit, false)) return Verdict.OTHER_PERSON;
        return Verdict.KEEP;
    }

    /** Message-wide cues, for a model hit that has no place in the text: long past without a present cue, or topic talk without a self cue. */
    Verdict judgeWhole(String text) {
        if (cues.isEmpty() || text.isEmpty()) return Verdict.KEEP;
        String t = blank(text, Kind.PSEUDO, 0, NOWHERE);
        boolean resolved = any(t, Kind.RESOLVED, 0, NOWHERE, false);
        String unresolved = blank(t, Kind.RESOLVED, 0, NOWHERE);
        boolean present = any(unresolved, Kind.PRESENT, 0, NOWHERE, true);
        if ((resolved || any(unresolved, Kind.PAST, 0, NOWHERE, false)) && !present) return Verdict.PAST;
        if (!any(t, Kind.SELF, 0, NOWHERE, true) && any(t, Kind.TOPIC, 0, NOWHERE, false)) return Verdict.TOPIC;
        return Verdict.KEEP;
    }

    /** The kinds of cue found anywhere in the text (features for the model: "cue=past", "cue=self" ...). */
    List<Kind> found(String text) {
        List<Kind> found = new ArrayList<>();
        String t = blank(text, Kind.PSEUDO, 0, NOWHERE);
        for (Kind kind : Kind.values()) {
            if (kind != Kind.PSEUDO && kind != Kind.CLAUSE && any(kind == Kind.PRESENT ? blank(t, Kind.RESOLVED, 0, NOWHERE) : t, kind, 0, NOWHERE, true)) found.add(kind);
        }
        return found;
    }

    /** One match of a cue, tested by {@link #anyMatch}. */
    @FunctionalInterface
    private interface MatchTest {
        boolean test(int start, int end);
    }

    /** Whether any match of a cue of this kind within {@code [from, to)} of the text passes the test (every match is tried until one does). */
    private boolean anyMatch(Kind kind, String text, int from, int to, MatchTest test) {
        for (Cue cue : cues.getOrDefault(kind, List.of())) {
            if (!cue.required().passes(text)) continue;
            Matcher m = cue.pattern().matcher(text);
            m.region(from, to);
            while (m.find()) {
                if (test.test(m.start(), m.end())) return true;
            }
        }
        return false;
    }

    /**
     * Whether a cue of this kind occurs from {@code from} on, outside the hit (or inside it, if
     * allowed). A cue that only shares a word with the hit ("used to" before "to self harm") is outside it.
     */
    private boolean any(String text, Kind kind, int from, PhrasePatterns.Hit hit, boolean insideHitCounts) {
        return anyMatch(kind, text, from, text.length(),
                (start, end) -> insideHitCounts || !(start >= hit.start() && end <= hit.end()));
    }

    /**
     * A present cue in the hit or within {@link #PRESENT_REACH} words of it: "still" in "he still
     * hits me" speaks of the hit, "still" in "took an overdose at uni, I still think of her" does not.
     */
    private boolean near(String text, Kind kind, int from, PhrasePatterns.Hit hit) {
        return anyMatch(kind, text, from, text.length(), (start, end) -> {
            String between = end <= hit.start() ? text.substring(end, hit.start())
                    : start >= hit.end() ? text.substring(hit.end(), start) : "";
            return words(between) <= PRESENT_REACH;
        });
    }

    /**
     * Topic talk right before the hit, with the writer nowhere in the few words before it: "what
     * I'd change is the support for people after a suicide attempt" is about a service even though
     * the writer is in the sentence; "I am one of those people who self harm" is not. Other people
     * ("my friend") are blanked out of {@code withoutOthers}, where the writer is looked for.
     */
    private boolean topicJustBefore(String text, String withoutOthers, int from, PhrasePatterns.Hit hit) {
        return anyMatch(Kind.TOPIC, text, from, hit.end(), (start, end) -> {
            // the cue starts before the hit and may run into it ("women fleeing" + "fleeing domestic abuse")
            if (start >= hit.start()) return false;
            if (end < hit.start() && words(text.substring(end, hit.start())) > TOPIC_GAP) return false;
            int windowStart = wordsBack(text, start, SELF_WINDOW, from);
            // a self cue reaching into the few words before the topic cue, other than inside it ("a lot of our members")
            return !anyMatch(Kind.SELF, withoutOthers, from, hit.start(),
                    (selfStart, selfEnd) -> selfEnd > windowStart && !(selfStart >= start && selfEnd <= end));
        });
    }

    /** Where the {@code count} words before {@code at} begin (not before {@code floor}). */
    private static int wordsBack(String text, int at, int count, int floor) {
        int i = at;
        for (int seen = 0; i > floor; seen++) {
            while (i > floor && text.charAt(i - 1) == ' ') i--;
            if (seen == count) break;
            while (i > floor && text.charAt(i - 1) != ' ') i--;
        }
        return i;
    }

    private static int words(String text) {
        String t = text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    /** A negation cue ending at most {@link #NEGATION_GAP} words before the hit, not part of it. */
    private boolean negated(String text, int from, PhrasePatterns.Hit hit) {
        return anyMatch(Kind.NEGATED, text, from, hit.start(), (start, end) -> {
            String between = text.substring(end, hit.start());
            // a denial does not reach past a new sentence or clause ("not responding and his lips are blue")
            return words(between) <= NEGATION_GAP && !between.contains(TextNormaliser.SENTENCE_BREAK)
                    && !any(between, Kind.CLAUSE, 0, NOWHERE, true);
        });
    }

    /** The text with cues of this kind outside the hit replaced by spaces (offsets kept). */
    private String blank(String text, Kind kind, int from, PhrasePatterns.Hit hit) {
        if (!cues.containsKey(kind)) return text;
        char[] chars = text.toCharArray();
        anyMatch(kind, text, from, text.length(), (start, end) -> {
            if (start >= hit.end() || end <= hit.start()) java.util.Arrays.fill(chars, start, end, ' ');
            return false;
        });
        return new String(chars);
    }
}
