package org.chinwag.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.chinwag.conversation.Engine;
import org.chinwag.conversation.Inbound;
import org.chinwag.conversation.Outbound;
import org.chinwag.conversation.ScriptLibrary;
import org.chinwag.conversation.TerminalChat;
import org.chinwag.messages.ChannelMessage;
import org.chinwag.messages.Inbox;
import org.chinwag.messages.Json;
import org.chinwag.messages.ModelAnalyzer;
import org.chinwag.messages.TextAnalysis;
import org.chinwag.store.Database;
import org.chinwag.store.MessageRepository;
import org.chinwag.store.MessageRepository.StoredMessage;

/**
 * What the {@code chat} command talks to: the real message path (the inbox with the classifier and
 * safeguarding, so the reflect step, signposting and /mydata behave as for a resident) on a
 * database in a scratch folder, deleted when the chat ends. Nothing reaches the service's database.
 */
final class TerminalConversation implements TerminalChat.Talk, AutoCloseable {

    static final String CHANNEL = "terminal";

    private final Database database;
    private final Inbox inbox;
    private int sent;
    /** Themes the person at the terminal said the classifier is to hear in the next message, or null. */
    private List<String> heard;

    TerminalConversation(ScriptLibrary scripts, ModelAnalyzer analyzer, String campaignId, Path scratch) {
        database = Database.open("jdbc:sqlite:" + scratch.resolve("chat.db"));
        database.migrate();
        inbox = new Inbox(database, new Engine(scripts), text -> withHeard(analyzer.analyse(text)), Clock.systemUTC(),
                campaignId, () -> {});
    }

    private TextAnalysis withHeard(TextAnalysis analysis) {
        if (heard == null) return analysis;
        return new TextAnalysis(heard.stream().map(theme -> new TextAnalysis.ThemeScore(theme, 1.0)).toList(),
                analysis.modelVersion(), analysis.language(), analysis.needsReview(), analysis.risk());
    }

    @Override
    public List<Outbound> say(Inbound inbound, List<String> heard) {
        this.heard = heard;
        Inbox.Receipt receipt = inbox.receive(new ChannelMessage(CHANNEL, "you", "t" + ++sent, inbound, null));
        return new MessageRepository(database.dsl()).byIds(receipt.outboundIds()).stream()
                .map(TerminalConversation::outbound).toList();
    }

    private static Outbound outbound(StoredMessage row) {
        return new Outbound(row.body(), Json.buttons(row.buttonsJson()));
    }

    @Override
    public void close() {
        database.close();
    }
}
