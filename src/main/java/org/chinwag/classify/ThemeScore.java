package org.chinwag.classify;

/** A theme given to a reply, with a calibrated confidence in [0,1]. */
public record ThemeScore(String id, double confidence) {}
