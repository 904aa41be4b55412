'use strict';
// Conference recordings. callbacks.js starts a conference's recording when the conference starts with
// ConferenceRecord set (true or record-from-start on the participant that starts it) and reports its end; this
// module keeps those same recording objects for the REST resource and adds what the API changes: pause, resume,
// stop, deletion, and the duration and final status Twilio shows afterwards. A recording is one object in both
// places, so a status callback and a fetch never disagree.

const { makeSid, rfc2822 } = require('./util');

const LIVE = ['in-progress', 'paused'];

class RecordingStateError extends Error {
	constructor(message) {
		super(message);
		this.status = 400;
		// Twilio documents no code of its own for this; 21220 is its code for a live action on something no longer live.
		this.code = 21220;
	}
}

/**
 * @param {object} o
 * @param {object} o.store        the simulator's store (conferences and their status)
 * @param {string} o.accountSid
 * @param {() => number} o.nowMs
 * @param {(recording: object) => void} o.stop  ends a recording as the callbacks report it (callbacks.finishRecording)
 */
function createRecordings({ store, accountSid, nowMs, stop }) {
	const byConference = new Map(); // conference sid -> recordings, oldest first
	const base = `/2010-04-01/Accounts/${accountSid}`;
	let seq = 0;

	const of = (conferenceSid) => {
		if (!byConference.has(conferenceSid)) byConference.set(conferenceSid, []);
		return byConference.get(conferenceSid);
	};

	/** Takes a recording the callbacks started (sid, startedAt, channels, source) as this conference's. */
	function adopt(conferenceSid, recording, { callSid = null } = {}) {
		Object.assign(recording, {
			conferenceSid,
			callSid,
			seq: ++seq,
			status: 'in-progress',
			updatedAt: recording.startedAt,
			pausedSince: null,
			skipping: false,
			skippedMs: 0,
		});
		of(conferenceSid).push(recording);
		return recording;
	}

	/** Whole seconds recorded, less the time paused with PauseBehavior skip. */
	function secondsOf(recording, at) {
		const skipped =
			recording.skippedMs + (recording.pausedSince !== null && recording.skipping ? at - recording.pausedSince : 0);
		return Math.max(0, Math.round((at - recording.startedAt - skipped) / 1000));
	}

	/**
	 * Ends a recording for good: completed when it holds at least a second, absent otherwise (as the callbacks
	 * report it). Returns the seconds; recordings this module does not keep (a call's) just get their length.
	 */
	function finish(recording) {
		const at = nowMs();
		if (!recording.conferenceSid) return Math.max(0, Math.round((at - recording.startedAt) / 1000));
		if (recording.duration !== undefined) return recording.duration;
		recording.duration = secondsOf(recording, at);
		recording.pausedSince = null;
		recording.status = recording.duration > 0 ? 'completed' : 'absent';
		recording.updatedAt = at;
		return recording.duration;
	}

	/** A live recording of a conference that has ended is finished on the spot, as Twilio finishes it. */
	function current(recording) {
		const conf = store.conferences.get(recording.conferenceSid);
		if (LIVE.includes(recording.status) && (!conf || store.conferenceStatus(conf) === 'completed')) stop(recording);
		return recording;
	}

	function list(conferenceSid) {
		return [...of(conferenceSid)].map(current).sort((a, b) => b.startedAt - a.startedAt || b.seq - a.seq);
	}

	/** By SID, or Twilio.CURRENT for the conference's live recording (updates only, as Twilio allows). */
	function find(conferenceSid, key, { allowCurrent = false } = {}) {
		if (allowCurrent && key === 'Twilio.CURRENT') return list(conferenceSid).find((r) => LIVE.includes(r.status));
		const found = of(conferenceSid).find((r) => r.sid === key);
		return found && current(found);
	}

	/** Status in-progress (resume), paused (with PauseBehavior skip or silence) or stopped. */
	function update(recording, status, pauseBehavior = 'silence') {
		if (!LIVE.includes(recording.status)) {
			throw new RecordingStateError(
				`Recording ${recording.sid} is ${recording.status}: only a recording in progress or paused can be changed`,
			);
		}
		const at = nowMs();
		if (recording.pausedSince !== null && recording.skipping) recording.skippedMs += at - recording.pausedSince;
		recording.pausedSince = null;
		recording.updatedAt = at;
		if (status === 'paused') {
			recording.pausedSince = at;
			recording.skipping = pauseBehavior === 'skip';
		}
		if (status === 'stopped') {
			stop(recording);
			return json(recording, { answer: 'stopped' });
		}
		recording.status = status;
		return json(recording);
	}

	function remove(recording) {
		if (LIVE.includes(recording.status)) stop(recording);
		const recordings = of(recording.conferenceSid);
		recordings.splice(recordings.indexOf(recording), 1);
	}

	/** Recordings as if the conference had made them; a finished one takes `duration` (seconds, default 30). */
	function seed(conferenceSid, { status = 'completed', createdAt, duration = 30, channels = 1, callSid = null } = {}) {
		if (![...LIVE, 'completed', 'absent'].includes(status)) throw new Error(`unknown recording status ${status}`);
		const startedAt = createdAt === undefined ? nowMs() - duration * 1000 : +createdAt;
		const recording = adopt(
			conferenceSid,
			{ sid: makeSid('RE'), source: 'StartConferenceRecordingAPI', channels: String(channels), startedAt },
			{ callSid },
		);
		if (status === 'paused') recording.pausedSince = startedAt;
		if (LIVE.includes(status)) recording.status = status;
		else
			Object.assign(recording, {
				status: duration > 0 ? status : 'absent',
				duration: status === 'absent' ? 0 : duration,
				updatedAt: startedAt + duration * 1000,
			});
		return json(recording);
	}

	/** Twilio's conference recording JSON; `answer` overrides the status in the answer to a stop, as Twilio says "stopped". */
	function json(recording, { answer } = {}) {
		const finished = recording.duration !== undefined;
		return {
			account_sid: accountSid,
			api_version: '2010-04-01',
			call_sid: recording.callSid,
			conference_sid: recording.conferenceSid,
			channels: Number(recording.channels),
			date_created: rfc2822(recording.startedAt),
			date_updated: rfc2822(recording.updatedAt),
			start_time: rfc2822(recording.startedAt),
			duration: finished ? String(recording.duration) : null,
			sid: recording.sid,
			price: null,
			price_unit: 'USD',
			status: answer ?? recording.status,
			source: recording.source,
			error_code: null,
			encryption_details: null,
			uri: `${base}/Conferences/${recording.conferenceSid}/Recordings/${recording.sid}.json`,
		};
	}

	return { adopt, finish, list, find, update, remove, seed, json, LIVE };
}

module.exports = { createRecordings, RecordingStateError };
