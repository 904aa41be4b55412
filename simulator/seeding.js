'use strict';
// Test helpers that put state in place around the API: conferences, live participants and conference
// recordings, as if they existed already.

function createSeeding({ store, recordings, nowMs, connectAfterMs }) {
	const conferenceOrThrow = (sid) => {
		const conf = store.conferences.get(sid);
		if (!conf) throw new Error(`no conference ${sid}`);
		return conf;
	};
	const each = (overrides, i) => (typeof overrides === 'function' ? overrides(i) : overrides);

	return {
		/**
		 * A conference as if it existed already; createdAt / updatedAt take ms or a Date. A completed one may say
		 * why it ended (reasonConferenceEnded, callSidEndingConference).
		 */
		seedConference({
			friendlyName,
			status = 'in-progress',
			region,
			createdAt,
			updatedAt,
			maxParticipants,
			reasonConferenceEnded = null,
			callSidEndingConference = null,
		} = {}) {
			const conf = store.createConference({ friendlyName, status, region, maxParticipants });
			if (createdAt !== undefined) conf.createdAt = conf.updatedAt = +createdAt;
			if (updatedAt !== undefined) conf.updatedAt = +updatedAt;
			if (status === 'completed')
				Object.assign(conf, { reasonEnded: reasonConferenceEnded, callSidEnding: callSidEndingConference });
			return store.conferenceJson(conf);
		},
		/** Live participants, added without validation, limits or queueing; overrides may be a function of the index. */
		seedParticipants(conferenceSid, count, overrides = {}) {
			const conf = conferenceOrThrow(conferenceSid);
			const out = [];
			for (let i = 0; i < count; i++) {
				const o = each(overrides, i);
				if (o.label && store.labelTaken(conf.sid, o.label)) throw new Error(`label ${o.label} is taken`);
				const createdAt = o.createdAt ?? nowMs() - connectAfterMs;
				const params = o.params ?? { To: o.to, From: o.from };
				out.push(store.participantJson(store.addParticipant(conf, { ...o, params, createdAt, dialAt: createdAt })));
			}
			return out;
		},
		/**
		 * Recordings of a conference (status in-progress, paused, completed or absent; createdAt; duration in
		 * seconds; channels; callSid); overrides may be a function of the index. Returns Twilio's JSON of each.
		 */
		seedRecordings(conferenceSid, count, overrides = {}) {
			conferenceOrThrow(conferenceSid);
			return Array.from({ length: count }, (_, i) => recordings.seed(conferenceSid, each(overrides, i)));
		},
	};
}

module.exports = { createSeeding };
