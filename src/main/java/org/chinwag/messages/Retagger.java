package org.chinwag.messages;

import static org.chinwag.store.schema.Tables.REPLY;

import java.time.Clock;
import java.util.List;
import org.chinwag.store.Database;
import org.chinwag.store.TagRepository;
import org.chinwag.store.schema.tables.records.ReplyRecord;

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
            List<ReplyRecord> batch = database.dsl().selectFrom(REPLY)
                    .where(REPLY.ID.gt(cursor), REPLY.TEXT_EXPIRED_AT.isNull(), REPLY.BODY.ne(""))
                    .orderBy(REPLY.ID).limit(BATCH).fetch();
            if (batch.isEmpty()) return done;
            // the models run outside the transaction, as in the inbox
            List<TextAnalysis> analyses = batch.stream().map(reply -> analyzer.analyse(reply.getBody())).toList();
            long now = clock.millis();
            database.write(tx -> {
                var tags = new TagRepository(tx);
                for (int i = 0; i < batch.size(); i++) {
                    ReplyRecord reply = batch.get(i);
                    TextAnalysis analysis = analyses.get(i);
                    tags.removeModelTags(reply.getId());
                    for (TextAnalysis.ThemeScore theme : analysis.themes()) {
                        tags.add(reply.getId(), theme.theme(), theme.confidence(), TagRepository.MODEL, modelVersion, now);
                    }
                    tx.update(REPLY).set(REPLY.LANGUAGE, analysis.language())
                            .set(REPLY.NEEDS_REVIEW, analysis.needsReview())
                            .where(REPLY.ID.eq(reply.getId())).execute();
                }
                return null;
            });
            done += batch.size();
            after = batch.get(batch.size() - 1).getId();
        }
    }
}
