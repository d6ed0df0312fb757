package org.chinwag.messages;

import java.util.List;
import org.chinwag.classify.Classification;
import org.chinwag.classify.ThemeClassifier;
import org.chinwag.safeguard.RiskAssessment;
import org.chinwag.safeguard.RiskCategory;
import org.chinwag.safeguard.RiskDetector;
import org.chinwag.safeguard.Signposting;

/** The real checks: the risk detector first (it decides what the bot says next), then the theme classifier. */
public final class ModelAnalyzer implements CampaignAnalyzer {

    private final ThemeClassifier classifier;
    private final RiskDetector riskDetector;
    private final Signposting signposting;

    public ModelAnalyzer(ThemeClassifier classifier, RiskDetector riskDetector, Signposting signposting) {
        this.classifier = classifier;
        this.riskDetector = riskDetector;
        this.signposting = signposting;
    }

    @Override
    public TextAnalysis analyse(String text) {
        RiskAssessment risk = riskDetector.assess(text);
        Classification classification = classifier.classify(text);
        List<TextAnalysis.ThemeScore> themes = classification.themes().stream()
                .map(t -> new TextAnalysis.ThemeScore(t.id(), t.confidence()))
                .toList();
        TextAnalysis.Risk found = new TextAnalysis.Risk(risk.level().id(),
                risk.categories().stream().map(RiskCategory::id).sorted().toList(), risk.source(),
                risk.risk() ? signposting.messageFor(risk.level(), risk.categories(), risk.language()) : null,
                risk.language(), risk.needsReview());
        return new TextAnalysis(themes, classifier.modelVersion(), classification.language(),
                classification.needsReview(), found);
    }

    public String modelVersion() {
        return classifier.modelVersion();
    }

    @Override
    public java.util.Set<String> themeIds() {
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        classifier.themes().forEach(theme -> ids.add(theme.id()));
        return ids;
    }

}
