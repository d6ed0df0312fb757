package org.chinwag.http;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/** The staff pages' templates, compiled at build time by jte-maven-plugin, rendered to HTML. */
final class Pages {

    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private Pages() {}

    /** Renders {@code template} (e.g. {@code login.jte}) with its one parameter, a {@link StaffView} record. */
    static String render(String template, Object view) {
        StringOutput out = new StringOutput();
        ENGINE.render(template, view, out);
        return out.toString();
    }

    /** A page saying what went wrong, in the staff layout (signed-in parts only when {@code frame} has a session). */
    static String error(StaffView.Frame frame, int status, String message) {
        String heading = switch (status) {
            case 403 -> "You cannot do that";
            case 404 -> "Page not found";
            case 429 -> "Too many requests";
            default -> status >= 500 ? "Sorry, there is a problem with the service" : "There is a problem";
        };
        return render("error.jte", new StaffView.Error(frame, status, heading, message));
    }
}
