package org.chinwag.store;


/**
 * One person on one channel, as the rest of the service reads them: staff see only the pseudonym.
 * Times are epoch milliseconds.
 */
public record Participant(int id, String pseudonym, String campaignId, String channel, String channelUserId,
                          long createdAt, Consent consent, Long consentAt, String consentScriptId,
                          Integer consentScriptVersion, boolean optedIn, boolean active, String area, String ageBand,
                          String community) {}
