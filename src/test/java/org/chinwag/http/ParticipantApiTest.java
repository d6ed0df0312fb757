package org.chinwag.http;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.chinwag.testing.ChinwagHarness;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import org.chinwag.testing.RunningService;
import org.junit.jupiter.api.Test;

/** Staff access and erasure on request, over real HTTP. */
class ParticipantApiTest {

    @RegisterExtension final ChinwagHarness chinwag = ChinwagHarness.web().build();

    @Test
    void staffCanSeeAndEraseWhatIsHeldByReference() throws Exception {
        RunningService service = chinwag.service();
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

    private static HttpResponse<String> delete(RunningService service, String pseudonym, String token) {
        return service.request("DELETE", "/api/participants/" + pseudonym,
                token == null ? Map.of() : Map.of("Authorization", "Bearer " + token), null);
    }
}
