package org.chinwag.classify;

import java.util.Set;

/** One labelled reply: its text and its theme ids (empty for "none"). */
public record Example(String text, Set<String> labels) {
  public Example {
    labels = Set.copyOf(labels);
  }
}
