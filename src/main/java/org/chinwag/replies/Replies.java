package org.chinwag.replies;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.chinwag.privacy.Redactor;
import org.chinwag.store.Database;
import org.chinwag.store.ReplyRepository.ReplyFilter;
import org.chinwag.store.ReplyRepository.ReplyView;
import org.chinwag.store.ReplyRepository;
import org.chinwag.store.TagRepository;
import org.chinwag.store.TagSource;

/**
 * Residents' replies as staff and integrations read them (participants only by pseudonym, contact
 * details and names redacted), and a reviewer's correction of what a reply is about.
 */
public final class Replies {

    /** The most replies read in one query. */
    public static final int MAX_PAGE = 1000;
    /** Reviewers and integrations never see contact details or names residents typed. */
    private static final Redactor REDACTOR = new Redactor();

    private final Database database;
    private final Clock clock;

    public Replies(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** One page of replies matching the filter, in id order (at most {@link #MAX_PAGE}). */
    public List<Reply> page(Filter filter) {
        var db = database.dsl();
        List<ReplyView> page = new ReplyRepository(db).find(storeFilter(filter, Math.min(filter.limit(), MAX_PAGE)));
        Map<Integer, List<TagRepository.Tag>> tags = new TagRepository(db).forReplies(page.stream().map(ReplyView::id).toList());
        return page.stream().map(r -> reply(r, tags.getOrDefault(r.id(), List.of()))).toList();
    }

    /** Every reply the filter selects, up to its limit, a page at a time so memory stays flat. */
    public void each(Filter filter, Consumer<Reply> consumer) {
        int after = filter.afterId();
        int remaining = filter.limit();
        while (remaining > 0) {
            int size = Math.min(remaining, MAX_PAGE);
            List<Reply> page = page(new Filter(filter.campaignId(), filter.fromMillis(), filter.toMillis(),
                    filter.eventCode(), after, size));
            page.forEach(consumer);
            if (page.size() < size) return;
            after = page.get(page.size() - 1).id();
            remaining -= page.size();
        }
    }

    /**
     * A reviewer's word on what a reply is about ({@code []} for none of the themes): replaces that
     * reviewer-level judgement, outranks the participant's and the model's, survives re-tagging,
     * and records who said so. Empty when there is no such reply.
     */
    public Optional<Reply> correctThemes(int replyId, List<String> themes, String reviewer) {
        Optional<ReplyView> found = database.write(tx -> {
            Optional<ReplyView> reply = new ReplyRepository(tx).byId(replyId);
            reply.ifPresent(r -> new TagRepository(tx).setPeoplesTags(replyId, TagSource.REVIEWER, themes, reviewer,
                    clock.millis()));
            return reply;
        });
        return found.map(r -> reply(r, new TagRepository(database.dsl()).forReply(replyId)));
    }

    private static ReplyFilter storeFilter(Filter f, int limit) {
        return new ReplyFilter(f.campaignId(), f.fromMillis(), f.toMillis(), f.eventCode(), f.afterId(), limit);
    }

    private static Reply reply(ReplyView r, List<TagRepository.Tag> tags) {
        return new Reply(r.id(), r.participant(), r.campaignId(), r.scriptId(), r.scriptVersion(), r.questionId(),
                REDACTOR.redact(r.text()), TagRepository.effectiveThemes(tags),
                tags.stream().map(t -> new Tag(t.theme(), t.confidence(), t.source(), t.modelVersion(), t.taggedBy())).toList(),
                r.language(), r.needsReview(), r.eventCode(), r.channel(), r.createdAt());
    }

    /** Which replies to read: every field but the cursor and the limit is optional (null = any); times in epoch ms. */
    public record Filter(String campaignId, Long fromMillis, Long toMillis, String eventCode, int afterId, int limit) {}

    /**
     * A reply as staff see it: the participant by pseudonym, the text redacted, the themes it counts
     * under (a reviewer's, else the participant's, else the model's) and every tag behind them.
     */
    public record Reply(int id, String participant, String campaignId, String scriptId, int scriptVersion,
                        String questionId, String text, List<String> themes, List<Tag> tags, String language,
                        boolean needsReview, String eventCode, String channel, long createdAt) {}

    /** One tag: the theme, how sure, who said so. */
    public record Tag(String theme, double confidence, TagSource source, String modelVersion, String taggedBy) {}
}
