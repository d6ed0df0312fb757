package org.chinwag.classify;

/** One theme (a "Big Ask") of a campaign, as declared in {@code intents/<campaign>/themes.yaml}. */
public record Theme(String id, String name, String description) {}
