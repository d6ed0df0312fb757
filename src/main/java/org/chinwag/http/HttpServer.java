package org.chinwag.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import io.javalin.router.InternalRouter;
import java.nio.charset.Charset;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Javalin application: liveness and readiness, then every route set the wiring passes in
 * (API, web chat, Telegram webhook). Errors are always JSON with a plain message; stack traces
 * and request bodies stay out of responses and logs. Every response says {@code nosniff}, API
 * answers are never cached, and HSTS is sent whenever the service is reached over HTTPS.
 */
public final class HttpServer {

    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);
    /** Bigger than any chat message or Telegram update; anything larger is refused with 413. */
    public static final long MAX_REQUEST_BYTES = 64 * 1024;
    public static final ObjectMapper JSON = new ObjectMapper();
    /** A year: browsers that once reached the service over HTTPS keep to it. */
    static final String HSTS = "max-age=31536000";
    private static final Set<String> METHODS_WITH_BODIES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String UTF8_ADVICE = "send the body as UTF-8 (Content-Type: application/json; charset=utf-8).";

    /** A group of routes one capability owns. */
    @FunctionalInterface
    public interface RouteSet {
        void addTo(RoutesConfig routes);
    }

    /** One route the application answers: its method and path pattern (e.g. {@code GET /api/replies}). */
    public record Route(String method, String path) {}

    private HttpServer() {}

    /**
     * @param ready       true when the service can take work (the database answers and takes a write)
     * @param httpsPublic the configured public address is https: every response carries HSTS
     * @param gate        enforces {@link Access} before every route; a route without a rule there stops start-up
     */
    public static Javalin create(BooleanSupplier ready, boolean httpsPublic, List<RouteSet> routeSets, Gatekeeper gate) {
        Javalin app = Javalin.create(config -> {
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(JSON, false));
            // requests Jetty refuses before Javalin sees them (a malformed URI) are answered alike
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/web";
                files.location = io.javalin.http.staticfiles.Location.CLASSPATH;
            });
            // GOV.UK Frontend from its WebJar (/webjars/govuk-frontend/...): the staff pages load nothing from another site
            config.staticFiles.enableWebjars();
            RoutesConfig routes = config.routes;
            routes.before(ctx -> {
                securityHeaders(ctx, httpsPublic);
                requireReadableCharset(ctx);
                refuseNulInQuery(ctx);
            });
            routes.beforeMatched(gate::check);
            routes.get("/health", ctx -> ctx.json(Map.of("status", "ok")));
            routes.get("/ready", ctx -> {
                boolean ok = ready.getAsBoolean();
                ctx.status(ok ? 200 : 503).json(Map.of("status", ok ? "ready" : "not ready"));
            });
            routeSets.forEach(set -> set.addTo(routes));
            routes.exception(HttpResponseException.class, (e, ctx) -> answerError(ctx, gate, e.getStatus(), e.getMessage()));
            // a charset the check above let through but the body still could not be decoded in
            routes.exception(UnsupportedCharsetException.class, (e, ctx) -> unreadableCharset(ctx, gate));
            routes.exception(IllegalCharsetNameException.class, (e, ctx) -> unreadableCharset(ctx, gate));
            routes.exception(Exception.class, (e, ctx) -> {
                log.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
                answerError(ctx, gate, 500, "Something went wrong on our side.");
            });
            routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) answerError(ctx, gate, 404, "Not found.");
            });
        });
        headLikeGet(app.unsafe.internalRouter);
        List<Route> unruled = routes(app).stream().filter(r -> Access.rule(r.method(), r.path()).isEmpty()).toList();
        if (!unruled.isEmpty()) {
            throw new IllegalStateException("routes with no access rule in http.Access: " + unruled);
        }
        return app;
    }

    /** An error as a staff page under /staff, as JSON everywhere else. */
    private static void answerError(Context ctx, Gatekeeper gate, int status, String message) {
        if (Access.isPage(ctx.path())) {
            ctx.status(status).html(gate.errorPage(ctx, status, message));
        } else {
            ctx.status(status).json(error(status, message));
        }
    }

    /**
     * The caller's address. Behind the reverse proxy on this machine (deploy/nginx-chinwag.conf)
     * every request comes from loopback, so the last X-Forwarded-For entry, the one the proxy added,
     * is used; from anywhere else the header could be forged and is ignored.
     */
    public static String clientAddress(Context ctx) {
        String direct = ctx.ip();
        String forwarded = ctx.header("X-Forwarded-For");
        boolean viaLocalProxy = direct.equals("127.0.0.1") || direct.equals("::1") || direct.equals("0:0:0:0:0:0:0:1");
        if (viaLocalProxy && forwarded != null && !forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            return hops[hops.length - 1].strip();
        }
        return direct;
    }

    /**
     * Left to itself Javalin answers HEAD on a GET route with an empty 200 without running the
     * route, so no token is checked: give every GET route a HEAD twin that runs the same handler
     * (the server sends no body for HEAD).
     */
    private static void headLikeGet(InternalRouter router) {
        var existing = router.allHttpHandlers().stream().map(p -> p.endpoint).toList();
        for (Endpoint endpoint : existing) {
            if (!endpoint.method.equals(HandlerType.GET)) continue;
            boolean hasHead = existing.stream().anyMatch(e -> e.method.equals(HandlerType.HEAD) && e.path.equals(endpoint.path));
            if (!hasHead) router.addHttpEndpoint(new Endpoint(HandlerType.HEAD, endpoint.path, endpoint.handler));
        }
    }

    /** Every route of the application (not the before and after handlers), in a stable order: what tests throw bad input at. */
    public static List<Route> routes(Javalin app) {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(p -> p.endpoint.method.isHttpMethod())
                .map(p -> new Route(p.endpoint.method.name(), p.endpoint.path))
                .distinct()
                .sorted(Comparator.comparing(Route::path).thenComparing(Route::method))
                .toList();
    }

    private static void securityHeaders(Context ctx, boolean httpsPublic) {
        ctx.header("X-Content-Type-Options", "nosniff");
        String path = ctx.path();
        if (path.startsWith("/api/") || path.startsWith("/chat/api/") || Access.isPage(path)) ctx.header("Cache-Control", "no-store");
        boolean https = httpsPublic || "https".equalsIgnoreCase(ctx.scheme()) || viaHttps(ctx.header("X-Forwarded-Proto"));
        if (https) ctx.header("Strict-Transport-Security", HSTS);
    }

    /** The proxy's word on the scheme; the first value counts when proxies chained theirs. */
    static boolean viaHttps(String forwardedProto) {
        return forwardedProto != null && forwardedProto.split(",", 2)[0].strip().equalsIgnoreCase("https");
    }

    /** A body in a charset Java cannot decode would fail deep inside a route: refuse it first, saying why. */
    private static void requireReadableCharset(Context ctx) {
        if (!METHODS_WITH_BODIES.contains(ctx.method().name())) return;
        String charset = charsetOf(ctx.header("Content-Type"));
        if (charset != null && !supported(charset)) {
            throw new HttpResponseException(415, "The charset '" + charset + "' is not one this service reads: " + UTF8_ADVICE,
                    Map.of());
        }
    }

    /**
     * A NUL character (%00) in a query parameter is never a real filter value, and PostgreSQL
     * refuses it in any query: say so rather than fail inside a route.
     */
    private static void refuseNulInQuery(Context ctx) {
        ctx.queryParamMap().forEach((name, values) -> {
            if (name.indexOf('\0') >= 0 || values.stream().anyMatch(value -> value.indexOf('\0') >= 0)) {
                throw new HttpResponseException(400, "The query parameter '" + name.replace("\0", "")
                        + "' holds a NUL character (%00), which no value here may contain.", Map.of());
            }
        });
    }

    /** The {@code charset} parameter of a Content-Type header, unquoted, or null. */
    static String charsetOf(String contentType) {
        if (contentType == null) return null;
        for (String part : contentType.split(";")) {
            String[] pair = part.split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
                return pair[1].strip().replaceAll("^\"|\"$", "");
            }
        }
        return null;
    }

    private static boolean supported(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }

    private static void unreadableCharset(Context ctx, Gatekeeper gate) {
        answerError(ctx, gate, 415, "The body's charset is not one this service reads: " + UTF8_ADVICE);
    }

    /**
     * Jetty's own error answers (for requests that never reach a route, such as a URI with an
     * encoded NUL) as the same JSON errors (under /staff, the same error pages), with {@code nosniff}.
     */
    private static final class JsonErrorHandler extends ErrorHandler {
        /** Jetty writes error bodies for GET and POST only; ours say what is wrong whatever the method. */
        @Override
        public boolean errorPageForMethod(String method) {
            return true;
        }

        @Override
        protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                        Callback callback) throws java.io.IOException {
            String text = message == null || message.isBlank() ? HttpStatus.getMessage(code) : message;
            response.getHeaders().put("X-Content-Type-Options", "nosniff");
            // the path as sent (for a request line Jetty could not read at all, it is not known: JSON then)
            String path = request.getHttpURI().getPathQuery();
            boolean page = path != null && Access.isPage(path.split("\\?", 2)[0]);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, page ? "text/html; charset=utf-8" : "application/json");
            // Jetty drops the connection after a request it could not parse; saying so stops a
            // client from sending its next request (a POST it will not retry) down a closed line
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            byte[] body = page
                    ? Pages.error(new StaffView.Frame("Error", null, "", false), code, text + ".").getBytes(java.nio.charset.StandardCharsets.UTF_8)
                    : JSON.writeValueAsBytes(error(code, text + "."));
            response.write(true, java.nio.ByteBuffer.wrap(body), callback);
        }
    }

    public static Map<String, Object> error(int status, String message) {
        return Map.of("error", Map.of("status", status, "message", message == null ? "" : message));
    }
}
