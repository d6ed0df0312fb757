package org.chinwag.safeguard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The message the bot sends when a disclosure is detected, built from the campaign's
 * {@code safeguarding/signposting.yaml}: opening, the 999 line first, the services that fit the
 * categories detected, and a closing line saying they can carry on whenever they're ready.
 */
public final class Signposting {

    static final String FILE = "signposting.yaml";
    private static final String GENERAL = "general";

    /** One helpline or local service and the categories it is offered for. */
    record Service(String id, String text, Set<String> forCategories) {}

    private final String opening;
    private final String emergency;
    private final String closing;
    private final List<Service> services;

    private Signposting(String opening, String emergency, String closing, List<Service> services) {
        this.opening = opening;
        this.emergency = emergency;
        this.closing = closing;
        this.services = List.copyOf(services);
    }

    public static Signposting load(Path intentsDir, String campaignId) {
        return load(IntentFiles.folder(intentsDir), campaignId);
    }

    public static Signposting bundled(String campaignId) {
        return load(IntentFiles.classpath(), campaignId);
    }

    static Signposting load(IntentFiles files, String campaignId) {
        String file = SafeguardingData.folder(campaignId) + FILE;
        return parse(files.describe(file), files.require(file));
    }

    static Signposting parse(String source, String yaml) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(yaml);
        } catch (IOException e) {
            throw new IllegalStateException(source + ": not valid YAML: " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject()) throw new IllegalStateException(source + ": expected a YAML mapping");
        String opening = text(root, "opening", problems);
        String emergency = text(root, "emergency", problems);
        String closing = text(root, "closing", problems);
        List<Service> services = new ArrayList<>();
        services.addAll(services(root.path("national"), "national", problems));
        services.addAll(services(root.path("local"), "local", problems));
        if (!problems.isEmpty()) throw new IllegalStateException(source + ": " + String.join("; ", problems));
        return new Signposting(opening, emergency, closing, services);
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

    /**
     * The message for the categories detected. With no category (the model was sure of risk but
     * not of its kind), the {@code general} lines are used.
     */
    public String messageFor(Set<RiskCategory> categories) {
        Set<String> wanted = new LinkedHashSet<>();
        if (categories == null || categories.isEmpty()) wanted.add(GENERAL);
        else for (RiskCategory c : EnumSet.copyOf(categories)) wanted.add(c.id());

        StringBuilder message = new StringBuilder(opening).append("\n\n").append(emergency);
        for (Service s : services) {
            if (s.forCategories().stream().anyMatch(wanted::contains)) message.append('\n').append(s.text());
        }
        return message.append("\n\n").append(closing).toString();
    }
}
