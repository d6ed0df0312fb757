package org.chinwag.messages;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chinwag.conversation.ConversationState;
import org.chinwag.conversation.Effect;
import org.chinwag.conversation.Engine;
import org.chinwag.conversation.Inbound;
import org.chinwag.conversation.Outbound;
import org.chinwag.conversation.Turn;
import org.chinwag.store.Consent;
import org.chinwag.store.TagSource;
import org.chinwag.store.ConversationRepository;
import org.chinwag.store.ConversationRepository.Conversation;
import org.chinwag.store.ConversationRepository.StoredState;
import org.chinwag.store.MessageRepository.StoredMessage;
import org.chinwag.store.Participant;
import org.chinwag.store.Database;
import org.chinwag.store.MessageRepository;
import org.chinwag.store.ParticipantRepository;
import org.chinwag.store.ReplyRepository;
import org.chinwag.store.SafeguardingFlagRepository;
import org.chinwag.store.TagRepository;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path every resident message takes. Pure checks run first, with no lock held; then one
 * short write transaction stores the inbound message, runs the engine, and stores what it decided
 * (replies, consent, profile, state) together with the replies to send (the outbox). Only after
 * that commits may the channel acknowledge the delivery, so nothing a resident says is lost.
 */
public final class Inbox {

    private final Database database;
    private final Engine engine;
    private final TextAnalyzer analyzer;
    private final Clock clock;
    private final String campaignId;
    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    private final Runnable afterCommit;

    /**
     * @param afterCommit called after each stored message with new outbound rows (wakes the outbox)
     */
    public Inbox(Database database, Engine engine, TextAnalyzer analyzer, Clock clock, String campaignId,
                 Runnable afterCommit) {
        this.database = database;
        this.engine = engine;
        this.analyzer = analyzer;
        this.clock = clock;
        this.campaignId = campaignId;
        this.afterCommit = afterCommit;
    }

    /**
     * What became of one delivery. {@code riskCategories} is empty unless a safeguarding flag was
     * raised; {@code erased} is true when the sender's data was deleted.
     */
    public record Receipt(boolean duplicate, int participantId, int inboundId, List<Integer> outboundIds,
                          String riskCategories, boolean erased) {
        static final Receipt DUPLICATE = new Receipt(true, 0, 0, List.of(), "", false);
    }

    public Receipt receive(ChannelMessage message) {
        // captions and edits are read too: a disclosure must be seen whatever it came with
        String words = message.event().words();
        TextAnalysis analysis = words.isBlank() ? TextAnalysis.NONE : analyzer.analyse(words);
        Receipt receipt = database.write(tx -> store(tx, message, analysis));
        logged(receipt, message);
        if (!receipt.duplicate() && !receipt.outboundIds().isEmpty()) afterCommit.run();
        return receipt;
    }

    /**
     * Queues a message to a chat that is not a conversation (a group told that the bot only chats
     * one-to-one). It goes out through the outbox like every other message, with its pacing; all
     * that is kept about the chat is its id on that row, until it is sent. Returns the row's id.
     */
    public int notice(String channel, String chatId, String text) {
        int id = database.write(tx -> new MessageRepository(tx)
                .insertOutboundTo(chatId, campaignId, channel, text, clock.millis()));
        afterCommit.run();
        return id;
    }

    /** Ids, kinds and counts only: never text, channel ids or pseudonyms. */
    private static void logged(Receipt receipt, ChannelMessage message) {
        if (receipt.duplicate()) {
            log.debug("{} delivery already stored; ignored", message.channel());
            return;
        }
        log.debug("{} message {} ({}) stored; {} to send", message.channel(), receipt.inboundId(),
                kind(message.event()), receipt.outboundIds().size());
        if (!receipt.riskCategories().isEmpty()) {
            log.warn("safeguarding flag raised on message {} ({}): signposting sent first",
                    receipt.inboundId(), receipt.riskCategories());
        }
        if (receipt.erased()) log.info("a participant's data was erased at their request (/forget)");
    }

    private Receipt store(DSLContext tx, ChannelMessage message, TextAnalysis analysis) {
        long now = clock.millis();
        var participants = new ParticipantRepository(tx);
        var messages = new MessageRepository(tx);
        if (messages.seen(message.channel(), message.externalId())) return Receipt.DUPLICATE;

        Participant participant = participants.findOrCreateLocked(campaignId, message.channel(),
                message.channelUserId(), message.language(), now);
        Optional<StoredMessage> stored = messages.insertInbound(participant.id(), campaignId, message.channel(),
                message.externalId(), kind(message.event()), message.event().storedText(), now);
        // stored meanwhile by another instance that had the same delivery
        if (stored.isEmpty()) return Receipt.DUPLICATE;
        StoredMessage inbound = stored.get();

        var conversations = new ConversationRepository(tx);
        Optional<Conversation> current = conversations.latest(participant.id());
        ConversationState before = current.map(c -> Json.state(c.stateJson())).orElse(null);
        Turn turn = engine.step(before, message.event(), analysis.signals());
        // Writing to us shows the chat is open again (e.g. after unblocking the bot, which Telegram
        // does not tell us); a choice to stop or decline stays until the person changes it.
        if (!participant.active() && (before == null || stillWantsMessages(before.status()))) {
            participants.setActive(participant.id(), true, now);
        }

        var applying = new TurnWriter(tx, participant, inbound, current.orElse(null), analysis, now);
        applying.safeguard();
        for (Effect effect : turn.effects()) applying.apply(effect, turn.state());
        return applying.finish(turn);
    }

    private static boolean stillWantsMessages(ConversationState.Status status) {
        return status != ConversationState.Status.STOPPED && status != ConversationState.Status.DECLINED;
    }

    private static String kind(Inbound event) {
        if (event instanceof Inbound.Text) return "text";
        if (event instanceof Inbound.ButtonPress) return "button";
        if (event instanceof Inbound.Command) return "command";
        return "unsupported";
    }

    /** Applies one turn's effects in order, within the message's transaction. */
    private final class TurnWriter {
        private final DSLContext tx;
        private final ParticipantRepository participants;
        private final MessageRepository messages;
        private final ConversationRepository conversations;
        private final Participant participant;
        private final StoredMessage inbound;
        private final TextAnalysis analysis;
        private final long now;
        private Conversation conversation;
        private boolean consented;
        private boolean declined;
        private boolean forgotten;
        private final List<String> extraTexts = new ArrayList<>();
        private String signposting;
        private String riskCategories = "";

        TurnWriter(DSLContext tx, Participant participant, StoredMessage inbound, Conversation conversation,
                   TextAnalysis analysis, long now) {
            this.tx = tx;
            this.participants = new ParticipantRepository(tx);
            this.messages = new MessageRepository(tx);
            this.conversations = new ConversationRepository(tx);
            this.participant = participant;
            this.inbound = inbound;
            this.conversation = conversation;
            this.analysis = analysis;
            this.now = now;
            this.consented = participant.consent() == Consent.GIVEN;
            this.declined = participant.consent() == Consent.REFUSED;
        }

        /**
         * Someone may be at risk: raise a flag for staff, consent or not, and send signposting
         * before anything else the bot says.
         */
        void safeguard() {
            TextAnalysis.Risk risk = analysis.risk();
            if (risk.atRisk()) {
                riskCategories = String.join(",", risk.categories());
                new SafeguardingFlagRepository(tx).raise(participant.id(), inbound.id(), campaignId, risk.level(),
                        riskCategories, risk.detectedBy(), risk.language(), now);
                signposting = risk.signposting();
            } else if (risk.needsReview()) {
                // a language the detector has no cues for is never passed silently: a person reads it
                new SafeguardingFlagRepository(tx).raise(participant.id(), inbound.id(), campaignId, "review",
                        "", "language", risk.language(), now);
            }
        }

        void apply(Effect effect, ConversationState finalState) {
            int id = participant.id();
            if (effect instanceof Effect.ConversationStarted) {
                conversation = conversations.open(id, campaignId, stored(finalState), now);
                participants.setActive(id, true, now);
            } else if (effect instanceof Effect.Resumed) {
                participants.setActive(id, true, now);
            } else if (effect instanceof Effect.ConsentGiven given) {
                participants.recordConsent(id, Consent.GIVEN, given.scriptId(), given.scriptVersion(), now);
                consented = true;
                declined = false;
            } else if (effect instanceof Effect.ConsentRefused refused) {
                participants.recordConsent(id, Consent.REFUSED, refused.scriptId(), refused.scriptVersion(), now);
                consented = false;
                declined = true;
            } else if (effect instanceof Effect.ReplyGiven reply) {
                storeReply(reply, finalState);
            } else if (effect instanceof Effect.ThemesConfirmed confirmed) {
                storeConfirmedThemes(confirmed);
            } else if (effect instanceof Effect.ProfileAnswered profile) {
                if (consented) participants.setProfile(id, profile.field(), profile.value(), now);
            } else if (effect instanceof Effect.OptInChanged optIn) {
                if (consented) participants.setOptIn(id, optIn.optedIn(), now);
            } else if (effect instanceof Effect.Stopped) {
                participants.stopAll(id, now);
            } else if (effect instanceof Effect.MyDataRequested requested) {
                // a null final state means the engine keeps nothing: someone never seen before
                extraTexts.add(finalState == null ? MyData.NOTHING_HELD : MyData.describe(tx, id, requested.profileLabels()));
            } else if (effect instanceof Effect.ForgetConfirmed) {
                participants.delete(id);
                forgotten = true;
            } else {
                throw new IllegalStateException("no storage rule for effect " + effect.getClass().getSimpleName());
            }
        }

        private void storeReply(Effect.ReplyGiven reply, ConversationState state) {
            // Privacy by design: whatever the script says, no answer is kept without consent.
            if (!consented || conversation == null) return;
            // the analysis is of the inbound text: it describes the reply only when that is what was recorded
            boolean analysed = reply.text().equals(inbound.body().strip());
            var stored = new ReplyRepository(tx).insert(new ReplyRepository.NewReply(participant.id(),
                    conversation.id(), inbound.id(), campaignId, state.scriptId(), state.scriptVersion(),
                    reply.questionId(), reply.text(), analysed ? analysis.language() : null,
                    analysed && analysis.needsReview(), state.eventCode(), now));
            if (!analysed) return;
            var tags = new TagRepository(tx);
            for (TextAnalysis.ThemeScore theme : analysis.themes()) {
                tags.add(stored, theme.theme(), theme.confidence(), TagSource.MODEL, analysis.modelVersion(), now);
            }
        }

        /**
         * The resident's own word on which themes their answer is about: stored as participant tags
         * on that reply beside the model's (reviewers see both; a later re-tag removes only the model's).
         */
        private void storeConfirmedThemes(Effect.ThemesConfirmed confirmed) {
            if (!consented || conversation == null) return;
            new ReplyRepository(tx).latestFor(conversation.id(), confirmed.questionId())
                    .ifPresent(reply -> new TagRepository(tx).setPeoplesTags(reply, TagSource.PARTICIPANT,
                            confirmed.themes(), null, now));
        }

        Receipt finish(Turn turn) {
            List<Integer> outbound = new ArrayList<>();
            List<Outbound> toSend = new ArrayList<>();
            if (signposting != null) toSend.add(Outbound.text(signposting));
            toSend.addAll(turn.messages());
            extraTexts.forEach(text -> toSend.add(Outbound.text(text)));
            if (turn.state() == null) {
                // Nothing is to be kept about this person (a confirmed /forget, or /mydata from
                // someone never seen): remove the participant and everything hanging off it, and
                // address the answer by channel id only; the outbox clears that once sent.
                if (!forgotten) participants.delete(participant.id());
                for (Outbound message : toSend) {
                    outbound.add(messages.insertOutboundTo(participant.channelUserId(), campaignId,
                            participant.channel(), message.text(), now));
                }
                return receipt(outbound);
            }
            if (conversation == null) {
                conversation = conversations.open(participant.id(), campaignId, stored(turn.state()), now);
            } else {
                conversations.save(conversation.id(), stored(turn.state()), now);
            }
            messages.attachConversation(inbound.id(), conversation.id());
            // someone who declined: keep only that this channel id declined, not what they wrote
            if (declined) messages.deleteTextFrom(participant.id());
            for (Outbound message : toSend) {
                outbound.add(messages.insertOutbound(participant.id(), conversation.id(), campaignId,
                        participant.channel(), message.text(), Json.buttons(message.buttons()), now));
            }
            return receipt(outbound);
        }

        private Receipt receipt(List<Integer> outbound) {
            return new Receipt(false, participant.id(), inbound.id(), outbound, riskCategories, forgotten);
        }
    }

    private static StoredState stored(ConversationState state) {
        return new StoredState(state.scriptId(), state.scriptVersion(), state.step(),
                state.status().name().toLowerCase(), state.eventCode(), Json.state(state));
    }
}
