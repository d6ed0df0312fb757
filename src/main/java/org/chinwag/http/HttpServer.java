package org.chinwag.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Javalin application: liveness and readiness, then every route set the wiring passes in
 * (API, web chat, Telegram webhook). Errors are always JSON with a plain message; stack traces
 * and request bodies stay out of responses and logs.
 */
public final class HttpServer {

    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);
    /** Bigger than any chat message or Telegram update; anything larger is refused with 413. */
    public static final long MAX_REQUEST_BYTES = 64 * 1024;
    public static final ObjectMapper JSON = new ObjectMapper();

    /** A group of routes one capability owns. */
    @FunctionalInterface
    public interface RouteSet {
        void addTo(RoutesConfig routes);
    }

    private HttpServer() {}

    public static Javalin create(BooleanSupplier ready, List<RouteSet> routeSets) {
        return Javalin.create(config -> {
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(JSON, false));
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/web";
                files.location = io.javalin.http.staticfiles.Location.CLASSPATH;
            });
            RoutesConfig routes = config.routes;
            routes.get("/health", ctx -> ctx.json(Map.of("status", "ok")));
            routes.get("/ready", ctx -> {
                boolean ok = ready.getAsBoolean();
                ctx.status(ok ? 200 : 503).json(Map.of("status", ok ? "ready" : "not ready"));
            });
            routeSets.forEach(set -> set.addTo(routes));
            routes.exception(HttpResponseException.class, (e, ctx) ->
                    ctx.status(e.getStatus()).json(error(e.getStatus(), e.getMessage())));
            routes.exception(Exception.class, (e, ctx) -> {
                log.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
                ctx.status(500).json(error(500, "Something went wrong on our side."));
            });
            routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) ctx.json(error(404, "Not found."));
            });
        });
    }

    public static Map<String, Object> error(int status, String message) {
        return Map.of("error", Map.of("status", status, "message", message == null ? "" : message));
    }
}
