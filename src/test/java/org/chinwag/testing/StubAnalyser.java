package org.chinwag.testing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.chinwag.messages.CampaignAnalyzer;
import org.chinwag.messages.TextAnalysis;

/**
 * A stand-in for the trained models, driven by the small tables below, so that service tests know
 * exactly what each of their texts is heard as, whatever the models are retrained on. What the real
 * models hear is tested in {@code classify} and {@code safeguard}.
 *
 * <ul>
 *   <li>a theme is heard when one of its words is in the text ("bus" or "buses": {@code transport});</li>
 *   <li>a risk marker phrase gives that level and category, and the signposting text below;</li>
 *   <li>a language marker gives a language the campaign has no data for: tagged with no theme, and the
 *       risk check asks for a person to read it.</li>
 * </ul>
 */
public final class StubAnalyser implements CampaignAnalyzer {

    public static final String MODEL_VERSION = "stub-model-1";

    record ThemeWords(String theme, Pattern words) {}

    record RiskMarker(String phrase, String level, String category) {}

    record LanguageMarker(String phrase, String language) {}

    /** Theme ids the test script has words for, in this order; each heard by whole words. */
    static final List<ThemeWords> THEMES = List.of(
            theme("transport", "bus|buses|train|trains|cycle|cycling"),
            theme("gp_access", "gp|doctor|doctors|surgery"),
            theme("green_spaces", "park|parks|allotment"),
            theme("crime_safety", "safe|unsafe|crime"),
            theme("local_facilities", "library|shops|leisure centre"),
            theme("local_activities", "choir|club|clubs|group"),
            theme("mental_health", "lonely|loneliness|anxious"));

    static final List<RiskMarker> RISKS = List.of(
            new RiskMarker("ending it", "urgent", "suicide"),
            new RiskMarker("hurting myself", "urgent", "self_harm"),
            new RiskMarker("he hits me", "urgent", "abuse"),
            new RiskMarker("not been right for weeks", "check", "low_mood"));

    static final List<LanguageMarker> LANGUAGES = List.of(new LanguageMarker("sitaki", "sw"));

    /** What the stub says to someone at risk: the helplines the channel tests look for. */
    public static final String URGENT_SIGNPOSTING = "Stub signposting (urgent). In danger right now? Call 999. "
            + "Samaritans: call 116 123, free, any time.";
    public static final String CHECK_SIGNPOSTING = "Stub signposting (check-in). Samaritans: call 116 123, free, any time. "
            + "Or text SHOUT to 85258.";

    @Override
    public TextAnalysis analyse(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (LanguageMarker marker : LANGUAGES) {
            if (lower.contains(marker.phrase())) {
                return new TextAnalysis(List.of(), MODEL_VERSION, marker.language(), true,
                        new TextAnalysis.Risk("none", List.of(), null, null, marker.language(), true));
            }
        }
        List<TextAnalysis.ThemeScore> themes = new ArrayList<>();
        for (ThemeWords theme : THEMES) {
            if (theme.words().matcher(lower).find()) themes.add(new TextAnalysis.ThemeScore(theme.theme(), 0.9));
        }
        return new TextAnalysis(themes, MODEL_VERSION, "en", false, risk(lower));
    }

    private static TextAnalysis.Risk risk(String lower) {
        for (RiskMarker marker : RISKS) {
            if (!lower.contains(marker.phrase())) continue;
            String signposting = marker.level().equals("urgent") ? URGENT_SIGNPOSTING : CHECK_SIGNPOSTING;
            return new TextAnalysis.Risk(marker.level(), List.of(marker.category()), "pattern", signposting, "en", false);
        }
        return TextAnalysis.Risk.NONE;
    }

    @Override
    public Set<String> themeIds() {
        Set<String> ids = new LinkedHashSet<>();
        THEMES.forEach(theme -> ids.add(theme.theme()));
        return ids;
    }

    private static ThemeWords theme(String id, String words) {
        return new ThemeWords(id, Pattern.compile("\\b(" + words + ")\\b"));
    }
}
