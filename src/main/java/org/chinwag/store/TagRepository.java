package org.chinwag.store;

import static org.chinwag.store.schema.Tables.REPLY_TAG;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.chinwag.store.schema.tables.records.ReplyTagRecord;
import org.jooq.DSLContext;
import org.jooq.Field;

/** Theme tags on replies, each with its source, so a person's judgement outranks the model's. */
public final class TagRepository {

    /**
     * The theme of a person's tag saying the reply is about none of the themes ("None of these"):
     * a judgement worth keeping, as it says the model's tags were wrong. Not a theme: leave it out of counts.
     */
    public static final String NO_THEME = "none";
    /** People are sure of their own tags. */
    private static final double PERSON_CONFIDENCE = 1.0;

    private static final Field<TagSource> SOURCE = REPLY_TAG.SOURCE.convert(StoredEnums.TAG_SOURCE);

    private final DSLContext db;

    public TagRepository(DSLContext db) {
        this.db = db;
    }

    public void add(int replyId, String theme, double confidence, TagSource source, String modelVersion, long now) {
        insert(replyId, theme, confidence, source, modelVersion, null, now);
    }

    private void insert(int replyId, String theme, double confidence, TagSource source, String modelVersion,
                        String taggedBy, long now) {
        db.insertInto(REPLY_TAG)
                .set(REPLY_TAG.REPLY_ID, replyId)
                .set(REPLY_TAG.THEME, theme)
                .set(REPLY_TAG.CONFIDENCE, confidence)
                .set(SOURCE, source)
                .set(REPLY_TAG.MODEL_VERSION, modelVersion)
                .set(REPLY_TAG.TAGGED_BY, taggedBy)
                .set(REPLY_TAG.CREATED_AT, now)
                .execute();
    }

    /**
     * A person's word on what a reply is about (the participant's in the conversation, or a
     * reviewer's through the API), replacing any that same kind of person gave before; an empty
     * list stores {@link #NO_THEME}. The model's tags, and the other kind of person's, stay.
     */
    public void setPeoplesTags(int replyId, TagSource source, List<String> themes, String taggedBy, long now) {
        if (source == TagSource.MODEL) throw new IllegalArgumentException("people's tags only");
        db.deleteFrom(REPLY_TAG).where(REPLY_TAG.REPLY_ID.eq(replyId), SOURCE.eq(source)).execute();
        for (String theme : themes.isEmpty() ? List.of(NO_THEME) : themes) {
            insert(replyId, theme, PERSON_CONFIDENCE, source, null, taggedBy, now);
        }
    }

    /** Tags of many replies at once (one query for a page of replies), by reply id. */
    public Map<Integer, List<Tag>> forReplies(Collection<Integer> replyIds) {
        return db.selectFrom(REPLY_TAG).where(REPLY_TAG.REPLY_ID.in(replyIds)).orderBy(REPLY_TAG.ID).stream()
                .collect(Collectors.groupingBy(ReplyTagRecord::getReplyId,
                        Collectors.mapping(TagRepository::tag, Collectors.toList())));
    }

    /**
     * The themes a reply counts under: a reviewer's when there are any, else the participant's, else
     * the model's. "None of these" from a person means no theme at all.
     */
    public static List<String> effectiveThemes(List<Tag> tags) {
        for (TagSource source : List.of(TagSource.REVIEWER, TagSource.PARTICIPANT, TagSource.MODEL)) {
            if (tags.stream().anyMatch(t -> t.source() == source)) {
                return tags.stream()
                        .filter(t -> t.source() == source)
                        .map(Tag::theme)
                        .filter(theme -> !NO_THEME.equals(theme))
                        .distinct()
                        .toList();
            }
        }
        return List.of();
    }

    public List<Tag> forReply(int replyId) {
        return db.selectFrom(REPLY_TAG).where(REPLY_TAG.REPLY_ID.eq(replyId)).orderBy(REPLY_TAG.ID).fetch(TagRepository::tag);
    }

    private static Tag tag(ReplyTagRecord t) {
        return new Tag(t.getTheme(), t.getConfidence(), t.get(REPLY_TAG.SOURCE, StoredEnums.TAG_SOURCE),
                t.getModelVersion(), t.getTaggedBy());
    }

    /** One tag on a reply: the theme, how sure, who said so. */
    public record Tag(String theme, double confidence, TagSource source, String modelVersion, String taggedBy) {}

    /** Removes the model's tags on a reply (before re-tagging); people's tags are kept. */
    public int removeModelTags(int replyId) {
        return db.deleteFrom(REPLY_TAG)
                .where(REPLY_TAG.REPLY_ID.eq(replyId), SOURCE.eq(TagSource.MODEL))
                .execute();
    }

    /** True when a person (the participant or a reviewer) has already said what this reply is about. */
    public boolean hasPeoplesTags(int replyId) {
        return db.fetchExists(REPLY_TAG, REPLY_TAG.REPLY_ID.eq(replyId), SOURCE.ne(TagSource.MODEL));
    }
}
