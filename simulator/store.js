'use strict';
// In-memory state of the simulated account: conferences and their
// participants, plus the JSON views and list paging Twilio uses.

const { makeSid, rfc2822 } = require('./util');

/** Twilio's cap on participants in one conference, and MaxParticipants' default. */
const MAX_PARTICIPANTS = 250;

/**
 * @param {object} o
 * @param {string} o.accountSid
 * @param {() => number} o.nowMs       current time in ms
 * @param {() => number} o.connectMs   from dialling to connected: connecting for the first half, then ringing
 */
function createStore({ accountSid, nowMs, connectMs }) {
	const base = `/2010-04-01/Accounts/${accountSid}`;
	const conferences = new Map(); // sid -> record
	const participants = new Map(); // conference sid -> Map(call sid -> record)
	let seq = 0;

	function createConference({
		friendlyName,
		status = 'init',
		region = 'us1',
		maxParticipants = MAX_PARTICIPANTS,
	} = {}) {
		if (!['init', 'in-progress', 'completed'].includes(status)) {
			throw new Error(`unknown conference status ${status}`);
		}
		const t = nowMs();
		const rec = {
			sid: makeSid('CF'),
			friendlyName: String(friendlyName ?? ''),
			status,
			region,
			createdAt: t,
			updatedAt: t,
			seq: ++seq,
			reasonEnded: null,
			callSidEnding: null,
			maxParticipants,
		};
		conferences.set(rec.sid, rec);
		participants.set(rec.sid, new Map());
		return rec;
	}

	/** Where a participant's call is on the clock: waiting to be dialled, dialling, ringing, answered. */
	function participantStatus(p) {
		if (p.fixedStatus) return p.fixedStatus;
		const since = nowMs() - p.dialAt;
		if (since < 0) return 'queued';
		if (since >= connectMs()) return 'connected';
		return since < connectMs() / 2 ? 'connecting' : 'ringing';
	}

	/** When the participant last changed status on its own (for date_updated). */
	function lastTransition(p) {
		const since = nowMs() - p.dialAt;
		if (p.fixedStatus || since < 0) return p.createdAt;
		if (since >= connectMs()) return p.dialAt + connectMs();
		return since < connectMs() / 2 ? p.dialAt : p.dialAt + connectMs() / 2;
	}

	function conferenceStatus(c) {
		if (c.status !== 'init') return c.status;
		for (const p of participants.get(c.sid).values()) {
			if (p.startConferenceOnEnter && participantStatus(p) === 'connected') return 'in-progress';
		}
		return 'init';
	}

	/** A conference that is not completed and has this friendly name. */
	function findOpenByName(name) {
		const open = [...conferences.values()].filter(
			(c) => c.friendlyName === name && conferenceStatus(c) !== 'completed',
		);
		return open.sort((a, b) => b.seq - a.seq)[0];
	}

	function addParticipant(conf, fields) {
		const t = nowMs();
		const rec = {
			callSid: makeSid('CA'),
			conferenceSid: conf.sid,
			label: fields.label || null,
			muted: fields.muted ?? false,
			hold: fields.hold ?? false,
			coaching: fields.coaching ?? false,
			callSidToCoach: fields.callSidToCoach ?? null,
			endConferenceOnExit: fields.endConferenceOnExit ?? false,
			startConferenceOnEnter: fields.startConferenceOnEnter ?? true,
			fixedStatus: fields.status || null,
			createdAt: fields.createdAt ?? t,
			updatedAt: fields.createdAt ?? t,
			dialAt: fields.dialAt ?? fields.createdAt ?? t,
			seq: ++seq,
			params: fields.params || {},
		};
		participants.get(conf.sid).set(rec.callSid, rec);
		return rec;
	}

	/** The participant whose call has this SID, in any conference. */
	function findCall(callSid) {
		for (const map of participants.values()) if (map.has(callSid)) return map.get(callSid);
		return undefined;
	}

	/** The call behind a participant, as Twilio's Calls resource shows the fields a picker needs. */
	function callJson(p) {
		return {
			sid: p.callSid,
			account_sid: accountSid,
			to: p.params.To ?? null,
			from: p.params.From ?? null,
			status: 'in-progress',
			direction: 'outbound-api',
			date_created: rfc2822(p.createdAt),
			uri: `${base}/Calls/${p.callSid}.json`,
		};
	}

	/** Look a participant up by Call SID first, then by label. */
	function findParticipant(confSid, key) {
		const map = participants.get(confSid);
		if (!map) return undefined;
		if (map.has(key)) return map.get(key);
		for (const p of map.values()) if (p.label !== null && p.label === key) return p;
		return undefined;
	}

	/** Whether the conference has no room for one more participant. */
	function isFull(conf) {
		return participants.get(conf.sid).size >= Math.min(conf.maxParticipants, MAX_PARTICIPANTS);
	}

	function labelTaken(confSid, label) {
		for (const p of participants.get(confSid).values()) if (p.label === label) return true;
		return false;
	}

	/** Remove a participant; ends the conference like Twilio would. */
	function removeParticipant(p) {
		const map = participants.get(p.conferenceSid);
		map.delete(p.callSid);
		const conf = conferences.get(p.conferenceSid);
		if (conferenceStatus(conf) === 'completed') return;
		let reason = null;
		if (p.endConferenceOnExit) reason = 'participant-with-end-conference-on-exit-kicked';
		else if (map.size === 0) reason = 'last-participant-kicked';
		if (reason) endConference(conf, reason, p.callSid);
	}

	function endConference(conf, reason, callSid = null) {
		conf.status = 'completed';
		conf.reasonEnded = reason;
		conf.callSidEnding = callSid;
		conf.updatedAt = nowMs();
		participants.get(conf.sid).clear();
	}

	function conferenceJson(c) {
		const uri = `${base}/Conferences/${c.sid}`;
		return {
			account_sid: accountSid,
			api_version: '2010-04-01',
			date_created: rfc2822(c.createdAt),
			date_updated: rfc2822(c.updatedAt),
			friendly_name: c.friendlyName,
			region: c.region,
			sid: c.sid,
			status: conferenceStatus(c),
			subresource_uris: {
				participants: `${uri}/Participants.json`,
				recordings: `${uri}/Recordings.json`,
			},
			uri: `${uri}.json`,
			reason_conference_ended: c.reasonEnded,
			call_sid_ending_conference: c.callSidEnding,
		};
	}

	/** A create's answer says `queued` and how long the call waits to be dialled; later reads follow the clock. */
	function participantJson(p, { created = false } = {}) {
		const status = created ? 'queued' : participantStatus(p);
		const updated = created ? p.updatedAt : Math.max(p.updatedAt, lastTransition(p));
		return {
			account_sid: accountSid,
			call_sid: p.callSid,
			label: p.label,
			call_sid_to_coach: p.callSidToCoach,
			coaching: p.coaching,
			conference_sid: p.conferenceSid,
			date_created: rfc2822(p.createdAt),
			date_updated: rfc2822(updated),
			end_conference_on_exit: p.endConferenceOnExit,
			muted: p.muted,
			hold: p.hold,
			start_conference_on_enter: p.startConferenceOnEnter,
			status,
			queue_time: created ? String(Math.max(0, Math.round(p.dialAt - p.createdAt))) : null,
			uri: `${base}/Conferences/${p.conferenceSid}/Participants/${p.callSid}.json`,
		};
	}

	/** Conferences matching every given test, newest first. */
	function listConferences(tests) {
		return [...conferences.values()]
			.filter((c) => tests.every((test) => test(c, conferenceStatus(c))))
			.sort((a, b) => b.createdAt - a.createdAt || b.seq - a.seq);
	}

	function listParticipants(confSid, { muted, hold, coaching }) {
		return [...participants.get(confSid).values()]
			.filter((p) => muted === undefined || p.muted === muted)
			.filter((p) => hold === undefined || p.hold === hold)
			.filter((p) => coaching === undefined || p.coaching === coaching)
			.sort((a, b) => a.seq - b.seq);
	}

	return {
		base,
		conferences,
		participants,
		createConference,
		conferenceStatus,
		findOpenByName,
		addParticipant,
		findParticipant,
		findCall,
		callJson,
		labelTaken,
		isFull,
		removeParticipant,
		endConference,
		conferenceJson,
		participantJson,
		listConferences,
		listParticipants,
	};
}

module.exports = { createStore, MAX_PARTICIPANTS };
