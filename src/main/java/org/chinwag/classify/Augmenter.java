package org.chinwag.classify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Makes extra training examples from the hand-written ones, only ever inside a training split
 * (cross-validation folds never see variants of their own test examples):
 * <ul>
 *   <li>a noisy copy of every example: lower-cased, apostrophes and punctuation dropped,
 *       text-speak, and a typo (dropped, doubled or swapped letter) in a longer word;</li>
 *   <li>multi-theme replies: two themed examples joined with "and", "but", ". also", ", plus"...,
 *       labelled with the union of their themes;</li>
 *   <li>themed replies wrapped in greetings or thanks ("hi, ... thanks"), keeping their themes;</li>
 *   <li>"none" replies joined to each other ("hello, I'm 67 and live in Armley"), staying none.</li>
 * </ul>
 */
final class Augmenter {
  private static final String[] JOINERS = {" and ", " but ", ". also ", ", plus ", ". ", " & ", ", and ",
      " and also ", ". oh and ", ", ", " n "};
  private static final String[] PREFIXES = {"hi ", "hello, ", "hiya. ", "well ", "honestly ", "tbh ",
      "for me ", "i think ", "i suppose ", "erm ", "ok so ", "good question. ", "thanks for asking. ",
      "yes, ", "yeah ", "definitely ", "mainly ", "i'd say ", "probably ", "round here "};
  private static final String[] SUFFIXES = {" thanks", " thank you", " x", " lol", " tbh", " really",
      " to be honest", " thats all", " cheers", "!!", " 😡", " 👍", " anyway", " mainly", " i think"};
  private static final String[][] SPEAK = {{"you", "u"}, {"are", "r"}, {"your", "ur"}, {"please", "pls"},
      {"because", "cos"}, {"to", "2"}, {"for", "4"}, {"the", "da"}, {"nothing", "nowt"},
      {"appointment", "appt"}, {"doctors", "docs"}, {"people", "ppl"}, {"and", "n"}, {"with", "wiv"}};

  private Augmenter() {}

  static List<Example> augment(List<Example> base, long seed) {
    Random rnd = new Random(seed);
    List<Example> out = new ArrayList<>(base);
    List<Example> themed = new ArrayList<>();
    List<Example> none = new ArrayList<>();
    for (Example e : base) {
      (e.labels().isEmpty() ? none : themed).add(e);
      String noisy = noisy(e.text(), rnd);
      if (!noisy.isBlank() && !noisy.equals(e.text())) {
        out.add(new Example(noisy, e.labels()));
      }
    }
    if (themed.size() >= 2) {
      for (int i = 0; i < themed.size() / 2; i++) {
        Example a = themed.get(rnd.nextInt(themed.size()));
        Example b = themed.get(rnd.nextInt(themed.size()));
        Set<String> labels = new LinkedHashSet<>(a.labels());
        labels.addAll(b.labels());
        String text = trimEnd(a.text()) + JOINERS[rnd.nextInt(JOINERS.length)] + lowerFirst(b.text());
        out.add(new Example(rnd.nextInt(3) == 0 ? noisy(text, rnd) : text, labels));
      }
      for (int i = 0; i < themed.size() / 5; i++) {
        Example a = themed.get(rnd.nextInt(themed.size()));
        String text = a.text();
        if (rnd.nextBoolean()) {
          text = PREFIXES[rnd.nextInt(PREFIXES.length)] + lowerFirst(text);
        }
        if (rnd.nextBoolean() || text.equals(a.text())) {
          text = trimEnd(text) + SUFFIXES[rnd.nextInt(SUFFIXES.length)];
        }
        out.add(new Example(text, a.labels()));
      }
    }
    if (none.size() >= 2) {
      for (int i = 0; i < none.size() / 3; i++) {
        Example a = none.get(rnd.nextInt(none.size()));
        Example b = none.get(rnd.nextInt(none.size()));
        String j = rnd.nextBoolean() ? ", " : ". ";
        out.add(new Example(trimEnd(a.text()) + j + lowerFirst(b.text()), Set.of()));
      }
    }
    return out;
  }

  static String noisy(String text, Random rnd) {
    String s = text.toLowerCase(Locale.ROOT);
    if (rnd.nextBoolean()) {
      s = s.replace("'", "").replace("\u2019", "");
    }
    if (rnd.nextInt(3) == 0) {
      s = s.replaceAll("[.,!?;:]", "");
    }
    String[] words = s.split(" ");
    for (int i = 0; i < words.length; i++) {
      if (rnd.nextInt(4) == 0) {
        for (String[] sp : SPEAK) {
          if (words[i].equals(sp[0])) {
            words[i] = sp[1];
            break;
          }
        }
      }
    }
    List<Integer> longWords = new ArrayList<>();
    for (int i = 0; i < words.length; i++) {
      if (words[i].length() >= 5 && words[i].chars().allMatch(Character::isLetter)) {
        longWords.add(i);
      }
    }
    if (!longWords.isEmpty()) {
      int typos = 1 + (longWords.size() > 4 && rnd.nextBoolean() ? 1 : 0);
      for (int k = 0; k < typos; k++) {
        int i = longWords.get(rnd.nextInt(longWords.size()));
        words[i] = typo(words[i], rnd);
      }
    }
    return String.join(" ", words);
  }

  private static String typo(String w, Random rnd) {
    int p = 1 + rnd.nextInt(w.length() - 2);
    return switch (rnd.nextInt(4)) {
      case 0 -> w.substring(0, p) + w.substring(p + 1); // drop
      case 1 -> w.substring(0, p) + w.charAt(p) + w.substring(p); // double
      case 2 -> w.substring(0, p - 1) + w.charAt(p) + w.charAt(p - 1) + w.substring(p + 1); // swap
      default -> w.substring(0, p) + "aeiou".charAt(rnd.nextInt(5)) + w.substring(p + 1); // vowel slip
    };
  }

  private static String trimEnd(String s) {
    return s.strip();
  }

  private static String lowerFirst(String s) {
    if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && !Character.isUpperCase(s.charAt(1))
        && !s.startsWith("I ") && !s.startsWith("I'")) {
      return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
    return s;
  }
}
