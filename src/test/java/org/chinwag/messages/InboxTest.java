package org.chinwag.messages;

import static org.chinwag.store.schema.Tables.CONVERSATION;
import static org.chinwag.store.schema.Tables.MESSAGE;
import static org.chinwag.store.schema.Tables.PARTICIPANT;
import static org.chinwag.store.schema.Tables.REPLY;
import static org.chinwag.store.schema.Tables.REPLY_TAG;
import static org.chinwag.store.schema.Tables.SAFEGUARDING_FLAG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.chinwag.testing.TestDatabase;
import org.chinwag.conversation.Engine;
import org.chinwag.conversation.Inbound;
import org.chinwag.testing.TestScript;
import org.chinwag.store.Database;
import org.chinwag.store.TagRepository;
import org.chinwag.testing.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/** The one transaction per message, against a real SQLite file and the real default script. */
class InboxTest {

    @TempDir Path dir;
    Database db;
    Inbox inbox;
    int wakes;
    int update = 1;

    @BeforeEach
    void open() {
        db = Database.open(TestDatabase.url(dir));
        db.migrate();
        inbox = newInbox(db);
    }

    private Inbox newInbox(Database database) {
        return new Inbox(database, new Engine(TestScript.library()), TextAnalyzer.NONE, new MovableClock(),
                "big-chat", () -> wakes++);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aWholeConversationStoresEveryAnswerWithScriptVersionAndQuestion() {
        send("/start MARKET-DAY");
        press("yes");
        send("Walking my dog in the park");
        send("The buses never come on time");
        send("nothing else");
        send("More buses please");
        press("skip");
        press("yes");
        var replies = db.dsl().selectFrom(REPLY).orderBy(REPLY.ID).fetch();
        assertEquals(List.of("healthy", "barriers", "followup", "one_thing"), replies.map(r -> r.getQuestionId()));
        assertEquals("Walking my dog in the park", replies.get(0).getBody());
        replies.forEach(r -> {
            assertEquals(TestScript.ID, r.getScriptId());
            assertEquals(TestScript.VERSION, r.getScriptVersion());
            assertEquals("MARKET-DAY", r.getEventCode());
        });
        var participant = db.dsl().selectFrom(PARTICIPANT).fetchSingle();
        assertEquals("given", participant.getConsent());
        assertEquals(TestScript.VERSION, participant.getConsentScriptVersion());
        assertTrue(participant.getOptedIn());
        assertEquals("finished", db.dsl().fetchValue(CONVERSATION.STATUS));
        // every inbound stored, and each one answered
        assertEquals(8, db.dsl().fetchCount(MESSAGE, MESSAGE.DIRECTION.eq("in")));
        assertTrue(db.dsl().fetchCount(MESSAGE, MESSAGE.DIRECTION.eq("out")) >= 8);
        assertTrue(wakes >= 8);
    }

    @Test
    void nothingIsKeptAsAReplyBeforeConsentAndRefusalKeepsOnlyTheRefusal() {
        send("the park is lovely");
        press("no");
        send("the buses are awful");
        assertEquals(0, db.dsl().fetchCount(REPLY));
        var participant = db.dsl().selectFrom(PARTICIPANT).fetchSingle();
        assertEquals("refused", participant.getConsent());
        assertFalse(participant.getActive());
        assertEquals(0, db.dsl().fetchCount(MESSAGE, MESSAGE.DIRECTION.eq("in")), "nothing they wrote is kept");
    }

    @Test
    void aRedeliveredMessageIsStoredOnceAndAnsweredOnce() {
        var first = inbox.receive(new ChannelMessage("test", "r1", "update-1", Inbound.fromTyped("/start"), "en"));
        var again = inbox.receive(new ChannelMessage("test", "r1", "update-1", Inbound.fromTyped("/start"), "en"));
        assertFalse(first.duplicate());
        assertTrue(again.duplicate());
        assertEquals(1, db.dsl().fetchCount(MESSAGE, MESSAGE.DIRECTION.eq("in")));
        assertEquals(first.outboundIds().size(), db.dsl().fetchCount(MESSAGE, MESSAGE.DIRECTION.eq("out")));
    }

    @Test
    void aNewInboxOnTheSameDatabaseResumesAtTheSameStep() {
        send("/start");
        press("yes");
        send("Swimming");
        db.close();
        db = Database.open(TestDatabase.url(dir));
        inbox = newInbox(db);
        send("Not enough buses");
        var questions = db.dsl().select(REPLY.QUESTION_ID).from(REPLY).orderBy(REPLY.ID).fetch(REPLY.QUESTION_ID);
        assertEquals(List.of("healthy", "barriers"), questions);
    }

    @Test
    void forgetErasesEverythingAndStillSaysGoodbye() {
        send("/start");
        press("yes");
        send("The library closing");
        send("/forget");
        send("yes");
        assertEquals(0, db.dsl().fetchCount(PARTICIPANT));
        assertEquals(0, db.dsl().fetchCount(REPLY));
        assertEquals(0, db.dsl().fetchCount(CONVERSATION));
        // only the goodbye is left, addressed by channel id until the outbox sends it
        var left = db.dsl().selectFrom(MESSAGE).fetch();
        assertEquals(1, left.size());
        assertEquals("r1", left.get(0).getRecipient());
        assertEquals("out", left.get(0).getDirection());
    }

    @Test
    void myDataListsWhatIsHeld() {
        send("/start");
        press("yes");
        send("Parkrun on Saturdays");
        send("/mydata");
        var last = db.dsl().selectFrom(MESSAGE).where(MESSAGE.DIRECTION.eq("out")).orderBy(MESSAGE.ID.desc()).limit(1).fetchSingle();
        assertTrue(last.getBody().contains("Parkrun on Saturdays"), last.getBody());
        assertTrue(last.getBody().contains("P-"), "shows the reference pseudonym");
    }

    /** /mydata shows what the resident chose in the script's words, at UK clock time (GMT in winter, BST in summer). */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"2026-11-23T10:00:00Z, '23 Nov 2026, 10:00 GMT'", "2026-07-01T09:30:00Z, '1 Jul 2026, 10:30 BST'"})
    void myDataShowsTheScriptsWordsAndUkTime(String startedAt, String shownAs) {
        inbox = new Inbox(db, new Engine(TestScript.library()), TextAnalyzer.NONE, new MovableClock(Instant.parse(startedAt)),
                "big-chat", () -> wakes++);
        send("/start");
        press("yes");
        send("Parkrun on Saturdays");
        send("Hills");
        send("no");
        send("A bench");
        press("about_you:ok");
        send("LS12");
        press("age_band:65_to_74");
        send("/mydata");
        String shown = db.dsl().selectFrom(MESSAGE).where(MESSAGE.DIRECTION.eq("out")).orderBy(MESSAGE.ID.desc()).limit(1)
                .fetchSingle().getBody();
        assertTrue(shown.contains("Age band: 65–74"), shown);
        assertFalse(shown.contains("65_to_74"), shown);
        assertTrue(shown.contains("Chat started: " + shownAs), shown);
        assertTrue(shown.contains("yes, on " + shownAs), shown);
        assertFalse(shown.contains("UTC"), shown);
    }

    @Test
    void myDataFromSomeoneNeverSeenKeepsNothingAboutThem() {
        send("/mydata");
        assertEquals(0, db.dsl().fetchCount(PARTICIPANT));
        var left = db.dsl().selectFrom(MESSAGE).fetchSingle();
        assertEquals(MyData.NOTHING_HELD, left.getBody());
        assertEquals("r1", left.getRecipient());
    }

    @Test
    void stopMakesTheParticipantInactiveAndStartBringsThemBack() {
        send("/start");
        press("yes");
        send("Parkrun");
        send("/stop");
        assertFalse(db.dsl().fetchValue(PARTICIPANT.ACTIVE));
        assertFalse(db.dsl().fetchValue(PARTICIPANT.OPTED_IN));
        send("/start");
        assertTrue(db.dsl().fetchValue(PARTICIPANT.ACTIVE));
        send("Not enough buses");
        var questions = db.dsl().select(REPLY.QUESTION_ID).from(REPLY).orderBy(REPLY.ID).fetch(REPLY.QUESTION_ID);
        assertEquals(List.of("healthy", "barriers"), questions);
    }

    /**
     * Marked inactive by the outbox (Telegram said the person blocked the bot): unblocking is not
     * announced, so whatever they send next makes them active again, at any step of the chat.
     */
    @ParameterizedTest(name = "blocked {0}, then writes \"{1}\"")
    @CsvSource({
            "before consenting, hello again",
            "before consenting, /help",
            "mid-chat, More buses please",
            "mid-chat, /start",
            "mid-chat, /mydata",
    })
    void anyMessageAfterBeingMarkedBlockedMakesThemActiveAgain(String when, String text) {
        send("/start");
        if (when.equals("mid-chat")) {
            press("yes");
            send("Parkrun");
        }
        markedBlocked();
        send(text);
        assertTrue(db.dsl().fetchValue(PARTICIPANT.ACTIVE), "active after writing again");
    }

    @Test
    void aChoiceToStopOrDeclineIsNotUndoneByWritingAgain() {
        send("/start");
        press("yes");
        send("/stop");
        markedBlocked();
        send("hello?");
        assertFalse(db.dsl().fetchValue(PARTICIPANT.ACTIVE), "still stopped: they said /stop");

        update = 1000;
        inbox.receive(new ChannelMessage("test", "r2", "u" + update++, Inbound.fromTyped("/start"), "en"));
        inbox.receive(new ChannelMessage("test", "r2", "u" + update++, new Inbound.ButtonPress("no", "no"), "en"));
        inbox.receive(new ChannelMessage("test", "r2", "u" + update++, Inbound.fromTyped("what was that?"), "en"));
        assertFalse(db.dsl().fetchValue(PARTICIPANT.ACTIVE, PARTICIPANT.CHANNEL_USER_ID.eq("r2")), "they declined");
    }

    private void markedBlocked() {
        db.write(tx -> tx.update(PARTICIPANT).set(PARTICIPANT.ACTIVE, false).execute());
        assertFalse(db.dsl().fetchValue(PARTICIPANT.ACTIVE));
    }

    /** A fixed analysis standing in for the models, so this test is about what the inbox stores. */
    static final TextAnalyzer BUSES_AND_RISK = text -> {
        if (text.contains("buses")) {
            return new TextAnalysis(List.of(new TextAnalysis.ThemeScore("transport", 0.93)), "test-model-1", "en", false,
                    TextAnalysis.Risk.NONE);
        }
        if (text.contains("nie")) return new TextAnalysis(List.of(), "test-model-1", "pl", true, TextAnalysis.Risk.NONE);
        if (text.contains("bothered")) {
            return new TextAnalysis(List.of(), "test-model-1", "en", false,
                    new TextAnalysis.Risk("check", List.of("low_mood"), "model", "Samaritans are there on 116 123.", "en", false));
        }
        if (text.contains("kuishi")) {
            return new TextAnalysis(List.of(), "test-model-1", "sw", true,
                    new TextAnalysis.Risk("none", List.of(), null, null, "sw", true));
        }
        if (text.contains("end it all")) {
            return new TextAnalysis(List.of(), "test-model-1", "en", false,
                    new TextAnalysis.Risk("urgent", List.of("suicide"), "pattern", "Please call Samaritans on 116 123.", "en", false));
        }
        return TextAnalysis.NONE;
    };

    @Test
    void everyReplyIsStoredWithItsTagsLanguageAndModelVersion() {
        inbox = new Inbox(db, new Engine(TestScript.library()), BUSES_AND_RISK, new MovableClock(), "big-chat", () -> {});
        send("/start");
        press("yes");
        send("the buses are late");
        send("autobusy nie przyjeżdżają");
        var replies = db.dsl().selectFrom(REPLY).orderBy(REPLY.ID).fetch();
        assertEquals("en", replies.get(0).getLanguage());
        assertFalse(replies.get(0).getNeedsReview());
        var tag = db.dsl().selectFrom(REPLY_TAG).fetchSingle();
        assertEquals(replies.get(0).getId(), tag.getReplyId());
        assertEquals("transport", tag.getTheme());
        assertEquals(0.93, tag.getConfidence(), 1e-9);
        assertEquals("model", tag.getSource());
        assertEquals("test-model-1", tag.getModelVersion());
        assertEquals("pl", replies.get(1).getLanguage());
        assertTrue(replies.get(1).getNeedsReview(), "a language without training data waits for a person");
    }

    @Test
    void aDisclosureRaisesAFlagAndSignpostsBeforeAnythingElse() {
        inbox = new Inbox(db, new Engine(TestScript.library()), BUSES_AND_RISK, new MovableClock(), "big-chat", () -> {});
        send("/start");
        press("yes");
        var receipt = inbox.receive(new ChannelMessage("test", "r1", "u" + update++, Inbound.fromTyped("I want to end it all"), "en"));
        var flag = db.dsl().selectFrom(SAFEGUARDING_FLAG).fetchSingle();
        assertEquals("suicide", flag.getCategories());
        assertEquals("pattern", flag.getDetectedBy());
        assertEquals("urgent", flag.getLevel());
        assertEquals("en", flag.getLanguage());
        var first = db.dsl().selectFrom(MESSAGE).where(MESSAGE.ID.eq(receipt.outboundIds().get(0))).fetchSingle();
        assertEquals("Please call Samaritans on 116 123.", first.getBody());
        var second = db.dsl().selectFrom(MESSAGE).where(MESSAGE.ID.eq(receipt.outboundIds().get(1))).fetchSingle();
        assertEquals(TestScript.script().require("healthy").text(), second.getBody(), "then the same question");
        assertEquals("healthy", db.dsl().fetchValue(CONVERSATION.STEP), "the questions pause for that turn");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            can't be bothered with anything | check  | low_mood | model
            Sitaki kuishi tena              | review | ''       | language
            """)
    void checkInsAndUnreadableLanguagesRaiseLowerPriorityFlags(String text, String level, String categories, String detectedBy) {
        inbox = new Inbox(db, new Engine(TestScript.library()), BUSES_AND_RISK, new MovableClock(), "big-chat", () -> {});
        send("/start");
        press("yes");
        var receipt = inbox.receive(new ChannelMessage("test", "r1", "u" + update++, Inbound.fromTyped(text), "en"));
        var flag = db.dsl().selectFrom(SAFEGUARDING_FLAG).fetchSingle();
        assertEquals(level, flag.getLevel());
        assertEquals(categories, flag.getCategories());
        assertEquals(detectedBy, flag.getDetectedBy());
        boolean checkIn = "check".equals(level);
        assertEquals(checkIn, db.dsl().fetchExists(MESSAGE, MESSAGE.BODY.contains("116 123")),
                "helplines for a check-in only; an unreadable language alarms nobody");
        assertEquals(checkIn ? "healthy" : "barriers", db.dsl().fetchValue(CONVERSATION.STEP),
                "a check-in asks the same question again; a reply to be read carries on");
        assertEquals(checkIn ? 2 : 1, receipt.outboundIds().size());
    }

    /** The model hears transport and GP access in anything about buses and the GP. */
    static final TextAnalyzer BUSES_AND_GP = text -> text.contains("buses")
            ? new TextAnalysis(List.of(new TextAnalysis.ThemeScore("transport", 0.91), new TextAnalysis.ThemeScore("gp_access", 0.62)),
                    "test-model-1", "en", false, TextAnalysis.Risk.NONE)
            : TextAnalysis.NONE;

    private void answerBarriersWithThemes() {
        inbox = new Inbox(db, new Engine(TestScript.library()), BUSES_AND_GP, new MovableClock(), "big-chat", () -> {});
        send("/start");
        press("yes");
        send("Walking in the park");
        send("The buses and getting a GP appointment");
        assertEquals("reflect", db.dsl().fetchValue(CONVERSATION.STEP), "the themes heard are said back");
    }

    private org.chinwag.store.schema.tables.records.ReplyRecord reply(String questionId) {
        return db.dsl().selectFrom(REPLY).where(REPLY.QUESTION_ID.eq(questionId)).orderBy(REPLY.ID.desc()).limit(1).fetchSingle();
    }

    /** theme/source/confidence/model version of each tag on the reply, in order. */
    private List<String> tags(int replyId) {
        return new TagRepository(db.dsl()).forReply(replyId).stream().map(t ->
                t.theme() + "/" + t.source() + "/" + t.confidence() + "/" + t.modelVersion()).toList();
    }

    @Test
    void aConfirmationIsStoredAsParticipantTagsBesideTheModelsAndSurvivesARetag() {
        answerBarriersWithThemes();
        press("reflect:yes");
        int barriers = reply("barriers").getId();
        assertEquals(List.of("transport/model/0.91/test-model-1", "gp_access/model/0.62/test-model-1",
                "transport/participant/1.0/null", "gp_access/participant/1.0/null"), tags(barriers));
        assertEquals("followup", db.dsl().fetchValue(CONVERSATION.STEP));

        // a later model re-tags the reply: only its own tags go
        db.write(tx -> new TagRepository(tx).removeModelTags(barriers));
        assertEquals(List.of("transport/participant/1.0/null", "gp_access/participant/1.0/null"), tags(barriers));
    }

    @Test
    void aCorrectionStoresOnlyThePickedThemesAsTheParticipants() {
        answerBarriersWithThemes();
        press("reflect:no");
        press("reflect:theme.green_spaces");
        send("and safety");
        press("reflect:done");
        int barriers = reply("barriers").getId();
        assertEquals(List.of("transport/model/0.91/test-model-1", "gp_access/model/0.62/test-model-1",
                "green_spaces/participant/1.0/null", "crime_safety/participant/1.0/null"), tags(barriers));
        assertEquals(0, db.dsl().fetchCount(REPLY, REPLY.QUESTION_ID.eq("reflect_correction")),
                "words that name a theme pick it; they are not a separate reply");
    }

    @Test
    void noneOfTheseIsKeptAsTheParticipantsJudgementAndTypedWordsAsACorrection() {
        answerBarriersWithThemes();
        press("reflect:no");
        send("it's really about housing");
        press("reflect:none");
        int barriers = reply("barriers").getId();
        assertEquals(List.of("transport/model/0.91/test-model-1", "gp_access/model/0.62/test-model-1",
                TagRepository.NO_THEME + "/participant/1.0/null"), tags(barriers));
        assertEquals("it's really about housing", reply("reflect_correction").getBody());
        assertTrue(new TagRepository(db.dsl()).hasPeoplesTags(barriers));
    }

    @Test
    void skippingTheReflectStepStoresNoParticipantTags() {
        answerBarriersWithThemes();
        press("reflect:skip");
        assertEquals(List.of("transport/model/0.91/test-model-1", "gp_access/model/0.62/test-model-1"), tags(reply("barriers").getId()));
        assertEquals("followup", db.dsl().fetchValue(CONVERSATION.STEP));
    }

    @Test
    void theConfirmationTagsTheAnswerInTheCurrentConversationOnly() {
        answerBarriersWithThemes();
        press("reflect:skip");
        int first = reply("barriers").getId();
        send("/restart");
        send("Swimming");
        send("Too few buses");
        press("reflect:yes");
        int second = reply("barriers").getId();
        assertTrue(second > first);
        assertEquals(List.of("transport/model/0.91/test-model-1", "gp_access/model/0.62/test-model-1"), tags(first));
        assertEquals(List.of("transport/model/0.91/test-model-1", "gp_access/model/0.62/test-model-1",
                "transport/participant/1.0/null", "gp_access/participant/1.0/null"), tags(second));
    }

    private void send(String text) {
        inbox.receive(new ChannelMessage("test", "r1", "u" + update++, Inbound.fromTyped(text), "en"));
    }

    private void press(String value) {
        inbox.receive(new ChannelMessage("test", "r1", "u" + update++, new Inbound.ButtonPress(value, value), "en"));
    }
}
