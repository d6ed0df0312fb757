package org.chinwag.store;

/**
 * Who said what a reply is about: the theme {@link #MODEL}, the {@link #PARTICIPANT} confirming their
 * own answer, or a {@link #REVIEWER} correcting it. Stored, and shown by the API, as its {@link #id()}.
 */
public enum TagSource {
    MODEL("model"), PARTICIPANT("participant"), REVIEWER("reviewer");

    private final String id;

    TagSource(String id) {
        this.id = id;
    }

    /** The value in {@code reply_tag.source} and in the API's answers; never changes with the constant's name. */
    public String id() {
        return id;
    }

    /** The id: a tag reads as "theme/source" in text, as it did when the source was a string. */
    @Override
    public String toString() {
        return id;
    }
}
