package org.chinwag.safeguard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The message the bot sends when a message suggests someone may be at risk, built from the
 * campaign's {@code safeguarding/signposting.yaml}. Urgent: opening, the 999 line first, the
 * services that fit the categories detected, and a closing line saying they can carry on whenever
 * they're ready. Check-in: a gentler opening, the same services, no emergency framing. In another
 * language the campaign's {@code signposting-<lang>.yaml} is used where it exists; otherwise the
 * English text, with a line on how to ask for an interpreter.
 */
public final class Signposting {

    static final String FILE = "signposting.yaml";
    private static final String GENERAL = "general";

    /** One helpline or local service and the categories it is offered for. */
    record Service(String id, String text, Set<String> forCategories) {}

    /** The words of one language; service texts by service id. */
    record Wording(String opening, String emergency, String closing, String checkOpening, String checkClosing,
                   String interpreter, Map<String, String> services) {}

    private final Wording english;
    private final List<Service> services;
    private final Map<String, Wording> translations;

    private Signposting(Wording english, List<Service> services, Map<String, Wording> translations) {
        this.english = english;
        this.services = List.copyOf(services);
        this.translations = Map.copyOf(translations);
    }

    public static Signposting load(Path intentsDir, String campaignId) {
        return load(IntentFiles.folder(intentsDir), campaignId);
    }

    public static Signposting bundled(String campaignId) {
        return load(IntentFiles.classpath(), campaignId);
    }

    static Signposting load(IntentFiles files, String campaignId) {
        String dir = SafeguardingData.folder(campaignId);
        String file = dir + FILE;
        Signposting base = parse(files.describe(file), files.require(file));
        Map<String, Wording> translations = new LinkedHashMap<>();
        for (String other : files.list(dir)) {
            String name = other.substring(dir.length());
            if (!name.startsWith("signposting-") || !name.endsWith(".yaml")) continue;
            String language = name.substring("signposting-".length(), name.length() - ".yaml".length());
            translations.put(language, wording(files.describe(other), yaml(files.describe(other), files.require(other)), base.services));
        }
        return new Signposting(base.english, base.services, translations);
    }

    static Signposting parse(String source, String yaml) {
        JsonNode root = yaml(source, yaml);
        List<String> problems = new ArrayList<>();
        List<Service> services = new ArrayList<>();
        services.addAll(services(root.path("national"), "national", problems));
        services.addAll(services(root.path("local"), "local", problems));
        Map<String, String> texts = new LinkedHashMap<>();
        services.forEach(s -> texts.put(s.id(), s.text()));
        Wording english = new Wording(text(root, "opening", problems), text(root, "emergency", problems),
                text(root, "closing", problems), text(root, "check_opening", problems), text(root, "check_closing", problems),
                text(root, "interpreter", problems), texts);
        if (!problems.isEmpty()) throw new IllegalStateException(source + ": " + String.join("; ", problems));
        return new Signposting(english, services, Map.of());
    }

    private static JsonNode yaml(String source, String yaml) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(yaml);
        } catch (IOException e) {
            throw new IllegalStateException(source + ": not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) throw new IllegalStateException(source + ": expected a YAML mapping");
        return root;
    }

    /** A translation: every text is required, and a service it leaves out is said in English. */
    private static Wording wording(String source, JsonNode root, List<Service> services) {
        List<String> problems = new ArrayList<>();
        Map<String, String> texts = new LinkedHashMap<>();
        for (Service s : services) {
            String translated = root.path("services").path(s.id()).asText("").strip();
            texts.put(s.id(), translated.isEmpty() ? s.text() : translated);
        }
        Wording w = new Wording(text(root, "opening", problems), text(root, "emergency", problems),
                text(root, "closing", problems), text(root, "check_opening", problems), text(root, "check_closing", problems),
                text(root, "interpreter", problems), texts);
        if (!problems.isEmpty()) throw new IllegalStateException(source + ": " + String.join("; ", problems));
        return w;
    }

    private static String text(JsonNode node, String key, List<String> problems) {
        String value = node.path(key).asText("").strip();
        if (value.isEmpty()) problems.add("missing '" + key + "'");
        return value;
    }

    private static List<Service> services(JsonNode list, String section, List<String> problems) {
        List<Service> services = new ArrayList<>();
        if (list.isMissingNode() || list.isNull()) return services;
        if (!list.isArray()) {
            problems.add("'" + section + "' must be a list of services");
            return services;
        }
        for (JsonNode item : list) {
            String id = item.path("id").asText("?");
            String text = item.path("text").asText("").strip();
            if (text.isEmpty()) problems.add(section + " service '" + id + "' has no text");
            Set<String> forCategories = new LinkedHashSet<>();
            for (JsonNode c : item.path("for")) {
                String category = c.asText();
                if (!category.equals(GENERAL) && RiskCategory.fromId(category).isEmpty()) {
                    problems.add(section + " service '" + id + "': unknown category '" + category + "'");
                }
                forCategories.add(category);
            }
            if (forCategories.isEmpty()) problems.add(section + " service '" + id + "' has an empty 'for' list");
            services.add(new Service(id, text, forCategories));
        }
        return services;
    }

    /** The languages the campaign has signposting in, besides English. */
    public Set<String> translatedLanguages() {
        return translations.keySet();
    }

    /** The urgent message in English, for the categories detected. */
    public String messageFor(Set<RiskCategory> categories) {
        return messageFor(RiskLevel.URGENT, categories, "en");
    }

    /**
     * The message for a level and the categories detected, in {@code language} where the campaign
     * has it (null or unknown: English). With no category (the model was sure of risk but not of
     * its kind), the {@code general} lines are used.
     */
    public String messageFor(RiskLevel level, Set<RiskCategory> categories, String language) {
        if (level == RiskLevel.NONE) throw new IllegalArgumentException("no signposting at level none");
        Set<String> wanted = new LinkedHashSet<>();
        if (categories == null || categories.isEmpty()) wanted.add(GENERAL);
        else for (RiskCategory c : EnumSet.copyOf(categories)) wanted.add(c.id());
        Wording w = language == null ? english : translations.getOrDefault(language, english);
        boolean urgent = level == RiskLevel.URGENT;

        StringBuilder message = new StringBuilder(urgent ? w.opening() : w.checkOpening());
        message.append(urgent ? "\n\n" + w.emergency() : "\n");
        for (Service s : services) {
            if (s.forCategories().stream().anyMatch(wanted::contains)) message.append('\n').append(w.services().get(s.id()));
        }
        message.append("\n\n").append(urgent ? w.closing() : w.checkClosing());
        // the helplines answer in English: say how to get an interpreter, in the resident's language where we have it
        if (language != null && !language.equals("en")) message.append("\n\n").append(w.interpreter());
        return message.toString();
    }
}
