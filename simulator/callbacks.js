'use strict';
// The status callbacks Twilio sends for participants created with ConferenceStatusCallback, StatusCallback,
// RecordingStatusCallback or ConferenceRecordingStatusCallback: conference events (start, end, join, leave, mute,
// hold, modify, announcement), call progress (initiated, ringing, answered, completed) and recording status
// (reported by ./recording-callbacks.js).
// It watches the store rather than the routes: attach() wraps the store's add/remove/end functions and
// afterRequest() compares participants with what they were, so routes stay untouched.

const { asList, rfc2822 } = require('./util');
const { createDelivery } = require('./callback-delivery');
const { createRecordingCallbacks } = require('./recording-callbacks');

const CONFERENCE_KEYWORDS = {
	'conference-start': 'start',
	'conference-end': 'end',
	'participant-join': 'join',
	'participant-leave': 'leave',
	'participant-mute': 'mute',
	'participant-unmute': 'mute',
	'participant-hold': 'hold',
	'participant-unhold': 'hold',
	'participant-modify': 'modify',
	'announcement-end': 'announcement',
};

const flag = (value) => String(Boolean(value));

function createCallbacks({ store: watched, accountSid, authToken, nowMs, retryDelayMs, pollMs = 25, recordings }) {
	const delivery = createDelivery({ authToken, retryDelayMs });
	const conferences = new Map(); // conference sid -> callback settings and sequence
	const calls = new Map(); // call sid -> { p, conf, v, seq, connected, snapshot, updates, recording }
	let poller = null;
	let store = null;

	const stamp = () => rfc2822(nowMs());
	const { recordingEvent, startRecording, finishRecording } = createRecordingCallbacks({
		delivery,
		accountSid,
		nowMs,
		recordings,
	});

	function conferenceEvent(conf, event, extra = {}) {
		const settings = conferences.get(conf.sid);
		if (!settings || !settings.url || !settings.events.includes(CONFERENCE_KEYWORDS[event])) return;
		const params = {
			AccountSid: accountSid,
			ConferenceSid: conf.sid,
			FriendlyName: conf.friendlyName,
			StatusCallbackEvent: event,
			Timestamp: stamp(),
			SequenceNumber: String(settings.seq++),
			...extra,
		};
		delivery.send(`conference:${conf.sid}`, { url: settings.url, method: settings.method, params, event });
	}

	function participantFields(call) {
		const { p } = call;
		return {
			CallSid: p.callSid,
			...(p.label ? { Label: p.label } : {}),
			Muted: flag(p.muted),
			Hold: flag(p.hold),
			Coaching: flag(p.coaching),
			EndConferenceOnExit: flag(p.endConferenceOnExit),
			StartConferenceOnEnter: flag(p.startConferenceOnEnter),
			...(p.callSidToCoach ? { CallSidToCoach: p.callSidToCoach } : {}),
		};
	}

	function callEvent(call, keyword, callStatus, extra = {}) {
		const { v, p } = call;
		if (!v.StatusCallback || !asList(v.StatusCallbackEvent, ['completed']).includes(keyword)) return;
		const params = {
			AccountSid: accountSid,
			CallSid: p.callSid,
			CallStatus: callStatus,
			Direction: 'outbound-api',
			From: String(v.From ?? ''),
			To: String(v.To ?? ''),
			ApiVersion: '2010-04-01',
			CallbackSource: 'call-progress-events',
			Timestamp: stamp(),
			SequenceNumber: String(call.seq++),
			...extra,
		};
		delivery.send(`call:${p.callSid}`, {
			url: v.StatusCallback,
			method: v.StatusCallbackMethod,
			params,
			event: `call-${keyword}`,
		});
	}

	function onAdded(conf, p) {
		const v = p.params || {};
		if (!conferences.has(conf.sid)) {
			// The participant that starts the conference sets its callbacks; later ones cannot change them.
			conferences.set(conf.sid, {
				url: v.ConferenceStatusCallback || null,
				method: v.ConferenceStatusCallbackMethod,
				events: asList(v.ConferenceStatusCallbackEvent, ['start', 'end']),
				seq: 0,
				started: false,
				record: v.ConferenceRecord === 'true' || v.ConferenceRecord === 'record-from-start',
				recordingUrl: v.ConferenceRecordingStatusCallback || null,
				recordingMethod: v.ConferenceRecordingStatusCallbackMethod,
				recordingEvents: v.ConferenceRecordingStatusCallbackEvent,
				recording: null,
			});
		}
		const call = {
			p,
			conf,
			v,
			seq: 0,
			stage: 'queued',
			connected: false,
			connectedAt: null,
			snapshot: null,
			updates: 0,
			recording: null,
		};
		calls.set(p.callSid, call);
		watchConnections();
	}

	const STAGES = ['queued', 'connecting', 'ringing', 'connected'];

	/** Follows the call on the store's clock: dialled (initiated), ringing, answered; each reported once, in order. */
	function progress(call) {
		const status = store.participantJson(call.p).status;
		const reached = STAGES.indexOf(status);
		if (reached === -1) return;
		const was = STAGES.indexOf(call.stage);
		if (reached <= was) return;
		if (was < 1) callEvent(call, 'initiated', 'initiated');
		if (was < 2 && reached >= 2) callEvent(call, 'ringing', 'ringing');
		call.stage = status;
		if (reached === 3) onConnected(call);
	}

	function onConnected(call) {
		const { conf, p, v } = call;
		call.connected = true;
		call.connectedAt = nowMs();
		call.snapshot = snapshotOf(p);
		call.updates = (p.updates || []).length;
		callEvent(call, 'answered', 'in-progress');
		conferenceEvent(conf, 'participant-join', participantFields(call));
		const settings = conferences.get(conf.sid);
		if (settings && !settings.started && p.startConferenceOnEnter) {
			settings.started = true;
			conferenceEvent(conf, 'conference-start');
			if (settings.record) {
				settings.recording = startRecording(
					{ ConferenceSid: conf.sid },
					'StartConferenceRecordingAPI',
					settings.recordingUrl,
					settings.recordingMethod,
					settings.recordingEvents,
					'mono',
				);
				if (recordings) recordings.adopt(conf.sid, settings.recording, { callSid: p.callSid });
				recordingEvent(settings.recording, 'in-progress');
			}
		}
		if (v.Record === true) {
			call.recording = startRecording(
				{ CallSid: p.callSid },
				'OutboundAPI',
				v.RecordingStatusCallback,
				v.RecordingStatusCallbackMethod,
				v.RecordingStatusCallbackEvent,
				v.RecordingChannels,
			);
			recordingEvent(call.recording, 'in-progress');
		}
	}

	function onLeft(call, reason) {
		calls.delete(call.p.callSid);
		if (!call.connected) return callEvent(call, 'completed', 'canceled', { CallDuration: '0', Duration: '0' });
		conferenceEvent(call.conf, 'participant-leave', {
			...participantFields(call),
			ParticipantCallStatus: 'completed',
			ReasonParticipantLeft: reason,
		});
		finishRecording(call.recording);
		const seconds = String(Math.max(0, Math.round((nowMs() - call.connectedAt) / 1000)));
		callEvent(call, 'completed', 'completed', { CallDuration: seconds, Duration: seconds });
	}

	function onEnded(conf, reason) {
		const leaveReason =
			reason === 'conference-ended-via-api'
				? 'conference_ended_via_api'
				: 'conference_ended_via_participant_with_end_conference_on_exit';
		for (const call of [...calls.values()]) if (call.conf.sid === conf.sid) onLeft(call, leaveReason);
		const settings = conferences.get(conf.sid);
		if (!settings || settings.ended) return;
		settings.ended = true;
		const ending = conf.callSidEnding ? { CallSidEndingConference: conf.callSidEnding } : {};
		conferenceEvent(conf, 'conference-end', { ReasonConferenceEnded: reason, ...ending });
		finishRecording(settings.recording);
	}

	function snapshotOf(p) {
		return {
			muted: p.muted,
			hold: p.hold,
			coaching: p.coaching,
			endConferenceOnExit: p.endConferenceOnExit,
			callSidToCoach: p.callSidToCoach,
		};
	}

	/** Events for what requests changed on live participants: mute, hold, modify, announcements. */
	function afterRequest() {
		for (const call of calls.values()) {
			if (!call.connected) continue;
			const { p, conf } = call;
			const before = call.snapshot;
			const now = snapshotOf(p);
			call.snapshot = now;
			if (before.muted !== now.muted)
				conferenceEvent(conf, now.muted ? 'participant-mute' : 'participant-unmute', participantFields(call));
			if (before.hold !== now.hold)
				conferenceEvent(conf, now.hold ? 'participant-hold' : 'participant-unhold', participantFields(call));
			const modified = ['coaching', 'endConferenceOnExit', 'callSidToCoach'].some((key) => before[key] !== now[key]);
			if (modified) conferenceEvent(conf, 'participant-modify', participantFields(call));
			const updates = p.updates || [];
			for (const update of updates.slice(call.updates)) {
				if (update.AnnounceUrl) conferenceEvent(conf, 'announcement-end', { CallSid: p.callSid });
			}
			call.updates = updates.length;
		}
	}

	function watchConnections() {
		if (poller) return;
		poller = setInterval(() => {
			let waiting = 0;
			for (const call of calls.values()) {
				if (call.connected) continue;
				progress(call);
				if (!call.connected) waiting += 1;
			}
			if (!waiting) {
				clearInterval(poller);
				poller = null;
			}
		}, pollMs);
		poller.unref();
	}

	/** Wraps the store's functions that add, remove and end, keeping their behaviour. */
	function attach(target) {
		store = target;
		const { addParticipant, removeParticipant, endConference } = target;
		target.addParticipant = (conf, fields) => {
			const p = addParticipant(conf, fields);
			onAdded(conf, p);
			return p;
		};
		target.removeParticipant = (p) => {
			const call = calls.get(p.callSid);
			removeParticipant(p);
			if (call) onLeft(call, 'participant_was_kicked');
			const conf = target.conferences.get(p.conferenceSid);
			if (conf && conf.status === 'completed') onEnded(conf, conf.reasonEnded);
		};
		target.endConference = (conf, reason, callSid) => {
			endConference(conf, reason, callSid);
			onEnded(conf, reason);
		};
		return target;
	}

	if (watched) attach(watched);
	return {
		attach,
		afterRequest,
		finishRecording,
		deliveries: delivery.deliveries,
		settled: delivery.settled,
		close() {
			if (poller) clearInterval(poller);
			poller = null;
			delivery.close();
		},
	};
}

module.exports = { createCallbacks };
