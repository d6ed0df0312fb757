package org.chinwag.messages;

import java.time.Clock;
import java.util.List;
import org.chinwag.store.TagSource;
import org.chinwag.store.Database;
import org.chinwag.store.ReplyRepository;
import org.chinwag.store.ReplyRepository.ReplyText;
import org.chinwag.store.TagRepository;

/**
 * Re-runs the current model over stored replies, so improving the model improves history. Only
 * the model's own tags are replaced; what participants and reviewers said stays untouched. Works
 * in batches, each its own short transaction, so the service can keep running alongside.
 */
public final class Retagger {

    private static final int BATCH = 200;

    private final Database database;
    private final TextAnalyzer analyzer;
    private final String modelVersion;
    private final Clock clock;

    public Retagger(Database database, TextAnalyzer analyzer, String modelVersion, Clock clock) {
        this.database = database;
        this.analyzer = analyzer;
        this.modelVersion = modelVersion;
        this.clock = clock;
    }

    /** Retags every reply whose text is still held; returns how many were retagged. */
    public int retagAll() {
        int done = 0;
        int after = 0;
        while (true) {
            final int cursor = after;
            List<ReplyText> batch = new ReplyRepository(database.dsl()).withTextAfter(cursor, BATCH);
            if (batch.isEmpty()) return done;
            // the models run outside the transaction, as in the inbox
            List<TextAnalysis> analyses = batch.stream().map(reply -> analyzer.analyse(reply.body())).toList();
            long now = clock.millis();
            database.write(tx -> {
                var tags = new TagRepository(tx);
                var replies = new ReplyRepository(tx);
                for (int i = 0; i < batch.size(); i++) {
                    int reply = batch.get(i).id();
                    TextAnalysis analysis = analyses.get(i);
                    tags.removeModelTags(reply);
                    for (TextAnalysis.ThemeScore theme : analysis.themes()) {
                        tags.add(reply, theme.theme(), theme.confidence(), TagSource.MODEL, modelVersion, now);
                    }
                    replies.setAnalysis(reply, analysis.language(), analysis.needsReview());
                }
                return null;
            });
            done += batch.size();
            after = batch.get(batch.size() - 1).id();
        }
    }
}
