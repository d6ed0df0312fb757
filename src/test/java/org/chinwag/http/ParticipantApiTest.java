package org.chinwag.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.chinwag.testing.RunningService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staff access and erasure on request, over real HTTP. */
class ParticipantApiTest {

    @TempDir Path dir;

    @Test
    void staffCanSeeAndEraseWhatIsHeldByReference() throws Exception {
        try (RunningService service = RunningService.start(dir, Map.of())) {
            String token = service.createToken("dpo");
            service.consentAndAnswer("5151", "Allotments");
            String pseudonym = service.service().database().dsl().fetchValue("select pseudonym from participant").toString();

            assertEquals(401, service.get("/api/participants/" + pseudonym, null).statusCode());
            var shown = service.get("/api/participants/" + pseudonym, token);
            assertEquals(200, shown.statusCode());
            assertEquals("Allotments", new ObjectMapper().readTree(shown.body()).at("/replies/0/text").asText());
            assertFalse(shown.body().contains("5151"));

            assertEquals(401, delete(service, pseudonym, null).statusCode());
            assertEquals(200, delete(service, pseudonym, token).statusCode());
            assertEquals(404, delete(service, pseudonym, token).statusCode());
            assertEquals(404, service.get("/api/participants/" + pseudonym, token).statusCode());
            for (String table : new String[] {"participant", "conversation", "message", "reply"}) {
                assertEquals(0, service.service().database().dsl().fetchCount(service.service().database().dsl()
                        .selectFrom(table)), table + " is empty");
            }
        }
    }

    private static HttpResponse<String> delete(RunningService service, String pseudonym, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(service.url("/api/participants/" + pseudonym))).DELETE();
        if (token != null) request.header("Authorization", "Bearer " + token);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
