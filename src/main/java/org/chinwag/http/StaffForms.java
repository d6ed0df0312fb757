package org.chinwag.http;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.util.Map;

/** Reading the staff pages' form fields: a body that is not a readable form is a 400, never a 500. */
final class StaffForms {

    /** Form fields are short: anything longer is not from our pages. */
    static final int MAX_FIELD = 1000;

    private StaffForms() {}

    /** The field's value (null when absent). */
    static String field(Context ctx, String name) {
        String value;
        try {
            value = ctx.formParam(name);
        } catch (Exception e) {
            // a body that claims to be multipart but is not (Jetty's ServletException, thrown unchecked)
            throw new BadRequestResponse("The form could not be read: send it from the page.", Map.of());
        }
        if (value != null && value.length() > MAX_FIELD) {
            throw new BadRequestResponse("A field of the form is too long.", Map.of());
        }
        return value;
    }
}
