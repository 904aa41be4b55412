'use strict';
// In-memory state of the simulated account: conferences and their
// participants, plus the JSON views and list paging Twilio uses.

const { makeSid, rfc2822, buildQuery } = require('./util');

/**
 * @param {object} o
 * @param {string} o.accountSid
 * @param {() => number} o.nowMs       current time in ms
 * @param {() => number} o.connectMs   delay between queued and connected
 */
function createStore({ accountSid, nowMs, connectMs }) {
	const base = `/2010-04-01/Accounts/${accountSid}`;
	const conferences = new Map(); // sid -> record
	const participants = new Map(); // conference sid -> Map(call sid -> record)
	let seq = 0;

	function createConference({ friendlyName, status = 'init', region = 'us1' } = {}) {
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
		};
		conferences.set(rec.sid, rec);
		participants.set(rec.sid, new Map());
		return rec;
	}

	function participantStatus(p) {
		if (p.fixedStatus) return p.fixedStatus;
		return nowMs() - p.createdAt >= connectMs() ? 'connected' : 'queued';
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

	function participantJson(p, { created = false } = {}) {
		const status = participantStatus(p);
		let updated = p.updatedAt;
		if (status === 'connected' && !p.fixedStatus) updated = Math.max(updated, p.createdAt + connectMs());
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
			queue_time: created ? '1000' : null,
			uri: `${base}/Conferences/${p.conferenceSid}/Participants/${p.callSid}.json`,
		};
	}

	function listConferences({ friendlyName, status }) {
		return [...conferences.values()]
			.filter((c) => friendlyName === undefined || c.friendlyName === friendlyName)
			.filter((c) => status === undefined || conferenceStatus(c) === status)
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
		removeParticipant,
		endConference,
		conferenceJson,
		participantJson,
		listConferences,
		listParticipants,
	};
}

/**
 * Cut one page out of an ordered list, Twilio style.
 * PageToken "PA<id>" means "items after <id>", "PB<id>" means "items before
 * <id>"; without a token (or if its item is gone) the offset is Page*PageSize.
 * `filters` are [key, value] pairs repeated in every paging URI.
 */
function paginate({ items, idOf, path, filters, pageSize, page, pageToken, key }) {
	let start = page * pageSize;
	const m = /^P([AB])(.+)$/.exec(pageToken || '');
	if (m) {
		const idx = items.findIndex((it) => idOf(it) === m[2]);
		if (idx !== -1) start = m[1] === 'A' ? idx + 1 : Math.max(0, idx - pageSize);
	}
	const slice = items.slice(start, start + pageSize);
	const uriFor = (p, token) => path + buildQuery([...filters, ['PageSize', pageSize], ['Page', p], ['PageToken', token]]);
	const hasNext = start + pageSize < items.length;
	const hasPrev = page > 0 && start > 0 && slice.length > 0;
	return {
		[key]: slice,
		end: slice.length ? start + slice.length - 1 : start,
		first_page_uri: uriFor(0),
		next_page_uri: hasNext && slice.length ? uriFor(page + 1, 'PA' + idOf(slice[slice.length - 1])) : null,
		page,
		page_size: pageSize,
		previous_page_uri: hasPrev ? uriFor(page - 1, 'PB' + idOf(slice[0])) : null,
		start,
		uri: uriFor(page, pageToken || undefined),
	};
}

module.exports = { createStore, paginate };
