'use strict';
// The recording status callbacks (RecordingStatusCallback, ConferenceRecordingStatusCallback): a recording of a
// participant's call or of a whole conference, reported when it starts and once when it finishes.

const { asList, makeSid, rfc2822 } = require('./util');

/** `recordings` (./recordings.js), when given, keeps the recordings' lengths; `delivery` sends the callbacks. */
function createRecordingCallbacks({ delivery, accountSid, nowMs, recordings }) {
	function recordingEvent(recording, status, extra = {}) {
		if (!recording.url || !recording.events.includes(status)) return;
		const params = {
			AccountSid: accountSid,
			RecordingSid: recording.sid,
			RecordingUrl: `https://api.twilio.com/2010-04-01/Accounts/${accountSid}/Recordings/${recording.sid}`,
			RecordingStatus: status,
			RecordingChannels: recording.channels,
			RecordingSource: recording.source,
			RecordingStartTime: rfc2822(recording.startedAt),
			...recording.owner,
			...extra,
		};
		delivery.send(`recording:${recording.sid}`, {
			url: recording.url,
			method: recording.method,
			params,
			event: `recording-${status}`,
		});
	}

	function startRecording(owner, source, url, method, events, channels) {
		return {
			sid: makeSid('RE'),
			owner,
			source,
			url,
			method,
			events: asList(events, ['completed']),
			channels: channels === 'dual' ? '2' : '1',
			startedAt: nowMs(),
		};
	}

	function finishRecording(recording) {
		if (!recording || recording.finished) return;
		// Stopped through the API or ended with the conference: reported once, with the length recordings.js keeps.
		recording.finished = true;
		const seconds = recordings
			? recordings.finish(recording)
			: Math.max(0, Math.round((nowMs() - recording.startedAt) / 1000));
		recordingEvent(recording, seconds > 0 ? 'completed' : 'absent', { RecordingDuration: String(seconds) });
	}

	return { recordingEvent, startRecording, finishRecording };
}

module.exports = { createRecordingCallbacks };
