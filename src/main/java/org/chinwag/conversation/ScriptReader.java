package org.chinwag.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one YAML script and checks it thoroughly, so a typo made by whoever edits the wording is
 * reported on load, naming the file and step, rather than surfacing mid-conversation.
 */
public final class ScriptReader {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z0-9_]+)}");
    private static final Set<String> TOP_KEYS = Set.of("id", "version", "language", "shared", "messages", "steps");
    private static final Set<String> STEP_KEYS = Set.of(
            "id", "type", "text", "next", "buttons", "options", "field", "skippable", "themes", "formerly",
            "about", "text_one", "plural", "and", "phrases", "pick");
    private static final Set<String> REFLECT_ONLY_KEYS = Set.of("about", "text_one", "plural", "and", "phrases", "pick");
    private static final Set<String> PICK_KEYS = Set.of("text", "picked", "noted", "none", "done", "labels", "words");
    /** Filled in by the engine, not from 'shared': the themes said back by a reflect step. */
    private static final String THEMES_PLACEHOLDER = "themes";
    private static final Set<String> PROFILE_FIELDS = Set.of("area", "age_band", "community");
    /** Telegram limits a button's callback data to 64 bytes; a button value is "step:value". */
    private static final int MAX_BUTTON_VALUE = 64;
    /** Telegram's limit for one message, with room to spare. */
    private static final int MAX_TEXT = 4000;

    private final String source;
    private final List<String> problems = new ArrayList<>();
    private Map<String, String> shared = Map.of();
    /** True while reading a text that may hold {themes}. */
    private boolean themesAllowed;

    private ScriptReader(String source) {
        this.source = source;
    }

    /** Parses and validates; {@code source} names the file in error messages. */
    public static Script read(String source, String yaml) {
        JsonNode root;
        try {
            // "No" and "Yes" are button labels here, not YAML 1.1 booleans
            root = YAMLMapper.builder().enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS).build().readTree(yaml);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new ScriptException(source, List.of("not valid YAML" + at + ": " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ScriptException(source, List.of("cannot read: " + e.getMessage()));
        }
        return new ScriptReader(source).script(root);
    }

    private Script script(JsonNode root) {
        if (root == null || !root.isObject()) throw new ScriptException(source, List.of("expected a YAML mapping at the top"));
        unknownKeys(root, TOP_KEYS, "top level");
        String id = root.path("id").asText("").strip();
        if (id.isEmpty()) problems.add("missing id");
        else if (!ID.matcher(id).matches()) problems.add("id '" + id + "' must be lower-case letters, digits, '-' or '_' (at most 64)");
        int version = root.path("version").asInt(0);
        if (!root.path("version").isInt() || version < 1) problems.add("missing version (a whole number, 1 or more)");
        String language = root.path("language").asText("en").strip();
        shared = sharedTexts(root.path("shared"));
        Map<BotText, String> messages = messages(root.path("messages"));
        List<Step> steps = steps(root.path("steps"));
        checkLinks(steps);
        if (!problems.isEmpty()) throw new ScriptException(source, problems);
        return new Script(id, version, language, messages, steps);
    }

    private Map<String, String> sharedTexts(JsonNode node) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (node.isMissingNode()) return texts;
        if (!node.isObject()) {
            problems.add("'shared' must be a mapping of name: text");
            return texts;
        }
        node.fields().forEachRemaining(e -> texts.put(e.getKey(), e.getValue().asText()));
        return texts;
    }

    private Map<BotText, String> messages(JsonNode node) {
        Map<BotText, String> messages = new EnumMap<>(BotText.class);
        if (!node.isObject()) {
            problems.add("missing 'messages' section");
            return messages;
        }
        Set<String> known = new HashSet<>();
        for (BotText key : BotText.values()) {
            known.add(key.yamlKey());
            String text = text(node.path(key.yamlKey()), "message '" + key.yamlKey() + "'");
            if (text != null) messages.put(key, text);
        }
        unknownKeys(node, known, "messages");
        return messages;
    }

    private List<Step> steps(JsonNode node) {
        List<Step> steps = new ArrayList<>();
        if (!node.isArray() || node.isEmpty()) {
            problems.add("missing 'steps' (a list with at least one step)");
            return steps;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode s = node.get(i);
            String following = i + 1 < node.size() ? node.get(i + 1).path("id").asText(null) : null;
            Step step = step(s, i + 1, following);
            if (step != null) steps.add(step);
        }
        return steps;
    }

    private Step step(JsonNode s, int position, String following) {
        String id = s.path("id").asText("").strip();
        String where = id.isEmpty() ? "step " + position : "step '" + id + "'";
        if (!s.isObject()) {
            problems.add(where + ": expected a mapping with id, type and text");
            return null;
        }
        unknownKeys(s, STEP_KEYS, where);
        if (id.isEmpty()) problems.add(where + ": missing id");
        else if (!ID.matcher(id).matches()) problems.add(where + ": id must be lower-case letters, digits, '-' or '_' (at most 64)");
        String typeName = s.path("type").asText("").strip();
        StepType type = StepType.fromYaml(typeName).orElse(null);
        if (type == null) {
            problems.add(where + ": " + (typeName.isEmpty() ? "missing type" : "unknown type '" + typeName + "'")
                    + " (one of message, consent, question, followup, reflect, choice, profile, optin, end)");
            return null;
        }
        String text = type == StepType.REFLECT ? themesText(s.path("text"), where + ": text") : text(s.path("text"), where + ": text");
        String next = s.hasNonNull("next") ? s.get("next").asText().strip() : (type == StepType.END ? null : following);
        if (type == StepType.END && s.hasNonNull("next")) problems.add(where + ": an end step cannot have a next");
        if (type != StepType.END && next == null && !(type == StepType.CHOICE && s.has("options"))) {
            problems.add(where + ": the last step must be an end step, or say where to go with 'next'");
        }
        List<Step.Option> options = options(s, type, where);
        String field = null;
        if (type == StepType.PROFILE) {
            field = s.path("field").asText("");
            if (!PROFILE_FIELDS.contains(field)) problems.add(where + ": field must be one of " + PROFILE_FIELDS);
        } else if (s.has("field")) {
            problems.add(where + ": only profile steps have a field");
        }
        if (s.has("skippable") && !s.get("skippable").isBoolean()) problems.add(where + ": skippable must be true or false");
        boolean skippable = type == StepType.PROFILE || type == StepType.REFLECT || s.path("skippable").asBoolean(false);
        if (skippable && type.buttonsOnly()) problems.add(where + ": a " + typeName + " step cannot be skippable");
        Map<String, String> themes = themes(s.path("themes"), type, where);
        List<String> formerly = new ArrayList<>();
        s.path("formerly").forEach(f -> formerly.add(f.asText()));
        Step.Reflect reflect = reflect(s, type, where);
        if (id.isEmpty() || text == null) return null;
        for (Step.Option o : options) {
            if ((id + ":" + o.value()).getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BUTTON_VALUE) {
                problems.add(where + ": button value '" + o.value() + "' is too long (step id + value at most 63 characters)");
            }
        }
        if (reflect != null) checkPickButtonValues(id, reflect, where);
        return new Step(id, type, text, next, options, field, skippable, themes, formerly, reflect);
    }

    private List<Step.Option> options(JsonNode s, StepType type, String where) {
        List<Step.Option> options = new ArrayList<>();
        if (type == StepType.CONSENT || type == StepType.OPTIN || type == StepType.REFLECT) {
            if (s.has("options")) problems.add(where + ": a " + type.yamlName() + " step has 'buttons' with yes and no, not 'options'");
            JsonNode buttons = s.path("buttons");
            for (String value : List.of("yes", "no")) {
                String label = text(buttons.path(value), where + ": buttons." + value);
                if (label != null) options.add(new Step.Option(value, label, null));
            }
            if (buttons.isObject()) unknownKeys(buttons, Set.of("yes", "no"), where + " buttons");
            return options;
        }
        if (s.has("buttons")) problems.add(where + ": only consent, optin and reflect steps have 'buttons'; use 'options'");
        JsonNode list = s.path("options");
        if (list.isMissingNode()) {
            if (type == StepType.CHOICE) problems.add(where + ": a choice step needs options");
            return options;
        }
        if (type != StepType.CHOICE && type != StepType.PROFILE) {
            problems.add(where + ": only choice and profile steps have options");
            return options;
        }
        if (!list.isArray() || list.isEmpty()) {
            problems.add(where + ": options must be a list of label/value pairs");
            return options;
        }
        Set<String> values = new HashSet<>();
        for (JsonNode o : list) {
            String label = text(o.path("label"), where + ": option label");
            String value = o.path("value").asText("").strip();
            if (o.has("value") && !o.get("value").isTextual()) {
                problems.add(where + ": option value " + value + " is not read as text; put it in quotes");
            } else if (value.isEmpty()) problems.add(where + ": option '" + label + "' has no value");
            else if (!values.add(value)) problems.add(where + ": option value '" + value + "' is used twice");
            unknownKeys(o, Set.of("label", "value", "next"), where + " option '" + value + "'");
            String next = o.hasNonNull("next") ? o.get("next").asText().strip() : null;
            if (next != null && type != StepType.CHOICE) problems.add(where + ": only choice options can have a next");
            if (label != null && !value.isEmpty()) options.add(new Step.Option(value, label, next));
        }
        return options;
    }

    /** The reflect step's own keys; null (with a problem for any reflect key used) on other steps. */
    private Step.Reflect reflect(JsonNode s, StepType type, String where) {
        if (type != StepType.REFLECT) {
            for (String key : REFLECT_ONLY_KEYS) {
                if (s.has(key)) problems.add(where + ": only reflect steps have '" + key + "'");
            }
            return null;
        }
        String about = s.path("about").asText("").strip();
        if (about.isEmpty()) problems.add(where + ": a reflect step needs 'about': the question whose answer it reflects");
        String textOne = s.has("text_one") ? themesText(s.get("text_one"), where + ": text_one") : null;
        String and = text(s.path("and"), where + ": and");
        Map<String, String> phrases = textMap(s.path("phrases"), where + ": phrases");
        JsonNode pick = s.path("pick");
        if (!pick.isObject()) {
            problems.add(where + ": a reflect step needs 'pick' (the wording for picking themes)");
            return null;
        }
        unknownKeys(pick, PICK_KEYS, where + " pick");
        String pickText = text(pick.path("text"), where + ": pick.text");
        String picked = themesText(pick.path("picked"), where + ": pick.picked");
        String noted = text(pick.path("noted"), where + ": pick.noted");
        String none = text(pick.path("none"), where + ": pick.none");
        String done = text(pick.path("done"), where + ": pick.done");
        Map<String, String> labels = textMap(pick.path("labels"), where + ": pick.labels");
        Map<String, List<String>> words = wordLists(pick.path("words"), where + ": pick.words");
        for (String theme : phrases.keySet()) {
            if (!labels.containsKey(theme)) problems.add(where + ": pick.labels has no label for theme '" + theme + "'");
        }
        for (String theme : labels.keySet()) {
            if (!phrases.containsKey(theme)) problems.add(where + ": phrases has no words for theme '" + theme + "'");
        }
        for (String theme : words.keySet()) {
            if (!phrases.containsKey(theme)) problems.add(where + ": pick.words names theme '" + theme + "', which has no phrase");
        }
        Set<String> plural = new LinkedHashSet<>();
        JsonNode pluralNode = s.path("plural");
        if (!pluralNode.isMissingNode() && !pluralNode.isArray()) {
            problems.add(where + ": plural must be a list of theme ids whose phrase takes 'matter', not 'matters'");
        }
        pluralNode.forEach(theme -> {
            if (!phrases.containsKey(theme.asText())) problems.add(where + ": plural names theme '" + theme.asText() + "', which has no phrase");
            plural.add(theme.asText());
        });
        return new Step.Reflect(about, textOne, plural, and, phrases, labels, words, pickText, picked, noted, none, done);
    }

    /** Telegram's 64-byte limit on button data, for the longest theme button of a reflect step. */
    private void checkPickButtonValues(String id, Step.Reflect reflect, String where) {
        for (String theme : reflect.phrases().keySet()) {
            String value = id + ":" + Reflecting.THEME + theme;
            if (value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BUTTON_VALUE) {
                problems.add(where + ": theme id '" + theme + "' is too long for a button (step id + theme id at most 56 characters)");
            }
        }
    }

    /** A text that must say where the themes go: {themes}. */
    private String themesText(JsonNode node, String what) {
        themesAllowed = true;
        String text = text(node, what);
        themesAllowed = false;
        if (text != null && !text.contains("{" + THEMES_PLACEHOLDER + "}")) problems.add(what + " must contain {themes}");
        return text;
    }

    /** A non-empty mapping of theme id: text, in the order written. */
    private Map<String, String> textMap(JsonNode node, String what) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (!node.isObject() || node.isEmpty()) {
            problems.add(what + " is missing (a mapping of theme id: words)");
            return texts;
        }
        node.fields().forEachRemaining(e -> {
            String text = text(e.getValue(), what + "." + e.getKey());
            if (text != null) texts.put(e.getKey(), text);
        });
        return texts;
    }

    /** Optional: theme id: [typed words that name it]. */
    private Map<String, List<String>> wordLists(JsonNode node, String what) {
        Map<String, List<String>> words = new LinkedHashMap<>();
        if (node.isMissingNode()) return words;
        if (!node.isObject()) {
            problems.add(what + " must be a mapping of theme id: [words]");
            return words;
        }
        node.fields().forEachRemaining(e -> {
            if (!e.getValue().isArray()) {
                problems.add(what + "." + e.getKey() + " must be a list of words, like [bus, buses]");
                return;
            }
            List<String> list = new ArrayList<>();
            e.getValue().forEach(w -> list.add(w.asText().strip()));
            words.put(e.getKey(), List.copyOf(list));
        });
        return words;
    }

    private Map<String, String> themes(JsonNode node, StepType type, String where) {
        Map<String, String> themes = new LinkedHashMap<>();
        if (node.isMissingNode()) return themes;
        if (type != StepType.FOLLOWUP) problems.add(where + ": only followup steps have themes");
        else if (!node.isObject()) problems.add(where + ": themes must be a mapping of theme id: text");
        else node.fields().forEachRemaining(e -> {
            String text = text(e.getValue(), where + ": themes." + e.getKey());
            if (text != null) themes.put(e.getKey(), text);
        });
        return themes;
    }

    /** Every next must name a step; ids (and former ids) must be unique; there must be an end. */
    private void checkLinks(List<Step> steps) {
        Set<String> ids = new HashSet<>();
        for (Step step : steps) {
            if (!ids.add(step.id())) problems.add("step '" + step.id() + "': duplicate step id");
        }
        Set<String> former = new HashSet<>();
        for (Step step : steps) {
            for (String old : step.formerly()) {
                if (ids.contains(old) || !former.add(old)) {
                    problems.add("step '" + step.id() + "': formerly '" + old + "' is already used by another step");
                }
            }
        }
        for (Step step : steps) {
            checkTarget(step, step.next(), ids, "next");
            for (Step.Option o : step.options()) checkTarget(step, o.next(), ids, "option '" + o.value() + "' next");
            if (step.type() == StepType.CHOICE && step.next() == null && step.options().stream().anyMatch(o -> o.next() == null)) {
                problems.add("step '" + step.id() + "': every option needs a next (or give the step a next)");
            }
        }
        checkReflectSteps(steps, ids);
        checkMessageLoops(steps, ids);
        if (!steps.isEmpty() && steps.stream().noneMatch(s -> s.type() == StepType.END)) problems.add("the script needs an end step");
        if (steps.stream().filter(s -> s.type() == StepType.CONSENT).count() > 1) problems.add("a script can have only one consent step");
    }

    /**
     * A reflect step must be about a step whose answers are stored (a question or follow-up), must
     * have words for every theme a follow-up is worded for, and its correction replies must not share
     * an id with a step.
     */
    private void checkReflectSteps(List<Step> steps, Set<String> ids) {
        for (Step step : steps) {
            if (step.type() != StepType.REFLECT) continue;
            String where = "step '" + step.id() + "'";
            String about = step.reflect().about();
            Step target = steps.stream().filter(t -> t.id().equals(about)).findFirst().orElse(null);
            if (!about.isEmpty() && (target == null || !target.type().recordsReply())) {
                problems.add(where + ": about '" + about + "' is not a question step in this script");
            }
            if (ids.contains(step.id() + Reflecting.CORRECTION_SUFFIX)) {
                problems.add(where + ": no step may be called '" + step.id() + Reflecting.CORRECTION_SUFFIX
                        + "' (corrections typed at this step are stored under that id)");
            }
            for (Step other : steps) {
                for (String theme : other.themeTexts().keySet()) {
                    if (!step.reflect().phrases().containsKey(theme)) {
                        problems.add(where + ": phrases has no words for theme '" + theme + "' (used by step '" + other.id() + "')");
                    }
                }
            }
        }
    }

    /** Message steps move straight on, so a ring of them would never stop talking. */
    private void checkMessageLoops(List<Step> steps, Set<String> ids) {
        Map<String, Step> byId = new LinkedHashMap<>();
        steps.forEach(s -> byId.putIfAbsent(s.id(), s));
        for (Step start : steps) {
            Set<String> seen = new HashSet<>();
            Step at = start;
            // a reflect step with nothing heard moves straight on too
            while (at != null && (at.type() == StepType.MESSAGE || at.type() == StepType.REFLECT)) {
                if (!seen.add(at.id())) {
                    problems.add("step '" + start.id() + "': message steps lead round in a circle, with no question to stop at");
                    break;
                }
                at = at.next() == null || !ids.contains(at.next()) ? null : byId.get(at.next());
            }
        }
    }

    private void checkTarget(Step step, String target, Set<String> ids, String what) {
        if (target != null && !ids.contains(target)) {
            problems.add("step '" + step.id() + "': " + what + " '" + target + "' is not a step in this script");
        }
    }

    /** A non-blank text with {name} placeholders filled from 'shared'; null (and a problem) if missing. */
    private String text(JsonNode node, String what) {
        if (node.isMissingNode() || node.isNull() || !node.isValueNode() || node.asText().isBlank()) {
            problems.add(what + " is missing");
            return null;
        }
        String raw = node.asText().strip();
        Matcher m = PLACEHOLDER.matcher(raw);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = themesAllowed && THEMES_PLACEHOLDER.equals(m.group(1)) ? m.group() : shared.get(m.group(1));
            if (value == null) {
                problems.add(what + ": {" + m.group(1) + "} is not in the 'shared' section");
                value = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        if (out.length() > MAX_TEXT) problems.add(what + " is too long for one message (" + out.length() + " characters, at most " + MAX_TEXT + ")");
        return out.toString();
    }

    private void unknownKeys(JsonNode node, Set<String> known, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) problems.add(where + ": unknown key '" + key + "'");
        }
    }
}
