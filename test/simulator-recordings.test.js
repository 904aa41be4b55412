'use strict';
// The simulator's conference recordings and conference updates: one recording model shared with the status
// callbacks, Twilio's shapes, filters, paging and errors. Every request goes to 127.0.0.1 only.

const { base, useSimulators, call, create } = require('./helpers/simulator-client');

const start = useSimulators();
const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);

/** A simulator on a clock the test moves. */
async function onClock(options = {}) {
	let now = T0;
	const sim = await start({ connectAfterMs: 0, now: () => new Date(now), ...options });
	return { sim, advance: (ms) => (now += ms) };
}

async function until(check, ms = 2000) {
	for (const end = Date.now() + ms; Date.now() < end; ) {
		if (check()) return;
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
	throw new Error('condition not met in time');
}

const recordingsPath = (cf) => `${base}/Conferences/${cf}/Recordings.json`;
const recordingPath = (cf, re) => `${base}/Conferences/${cf}/Recordings/${re}.json`;
const update = (sim, cf, re, form) => call(sim, 'POST', recordingPath(cf, re), { form });

/** A conference started by a participant with ConferenceRecord=record-from-start, once its recording runs. */
async function recordedConference(sim) {
	const created = await create(sim, 'recorded room', {
		ConferenceRecord: 'record-from-start',
		ConferenceRecordingStatusCallback: 'http://example.com/recording-events',
		ConferenceRecordingStatusCallbackEvent: ['in-progress', 'completed', 'absent'],
	});
	expect(created.status).toBe(201);
	const cf = created.json.conference_sid;
	await until(() => sim.state.recordings.length === 1);
	return { cf, callSid: created.json.call_sid, recording: sim.state.recordings[0] };
}

const recordingEvents = (sim) =>
	sim.callbacks.deliveries
		.filter((d) => d.event.startsWith('recording-'))
		.map((d) => [d.event, d.params.RecordingSid, d.params.RecordingDuration]);

describe('recordings come from ConferenceRecord, as Twilio starts them', () => {
	test('record-from-start gives the conference one recording, the same one the callbacks report', async () => {
		const { sim } = await onClock();
		const { cf, callSid, recording } = await recordedConference(sim);
		const list = await call(sim, 'GET', recordingsPath(cf));
		expect(list.status).toBe(200);
		expect(list.json.recordings).toHaveLength(1);
		expect(list.json.recordings[0]).toEqual({
			account_sid: sim.accountSid,
			api_version: '2010-04-01',
			call_sid: callSid,
			conference_sid: cf,
			channels: 1,
			date_created: 'Mon, 02 Nov 2026 09:00:00 +0000',
			date_updated: 'Mon, 02 Nov 2026 09:00:00 +0000',
			start_time: 'Mon, 02 Nov 2026 09:00:00 +0000',
			duration: null,
			sid: recording.sid,
			price: null,
			price_unit: 'USD',
			status: 'in-progress',
			source: 'StartConferenceRecordingAPI',
			error_code: null,
			encryption_details: null,
			uri: `${base}/Conferences/${cf}/Recordings/${recording.sid}.json`,
		});
		expect(recordingEvents(sim)).toEqual([['recording-in-progress', recording.sid, undefined]]);
	});

	test('a conference without ConferenceRecord has no recordings', async () => {
		const { sim } = await onClock();
		const created = await create(sim, 'quiet room');
		await new Promise((resolve) => setTimeout(resolve, 60));
		expect((await call(sim, 'GET', recordingsPath(created.json.conference_sid))).json.recordings).toEqual([]);
	});
});

describe('Update: pause, resume, stop', () => {
	test('stop answers "stopped", then the recording reads completed with its length, reported once', async () => {
		const { sim, advance } = await onClock();
		const { cf, recording } = await recordedConference(sim);
		advance(7000);
		const stopped = await update(sim, cf, recording.sid, { Status: 'stopped' });
		expect(stopped.status).toBe(200);
		expect(stopped.json).toMatchObject({ sid: recording.sid, status: 'stopped' });
		const read = await call(sim, 'GET', recordingPath(cf, recording.sid));
		expect(read.json).toMatchObject({
			status: 'completed',
			duration: '7',
			date_updated: 'Mon, 02 Nov 2026 09:00:07 +0000',
		});
		// Ending the conference afterwards reports nothing more for this recording.
		await call(sim, 'POST', `${base}/Conferences/${cf}.json`, { form: { Status: 'completed' } });
		await sim.callbacks.settled();
		expect(recordingEvents(sim)).toEqual([
			['recording-in-progress', recording.sid, undefined],
			['recording-completed', recording.sid, '7'],
		]);
	});

	test('time paused with PauseBehavior skip is left out of the length; with silence (the default) it counts', async () => {
		const { sim, advance } = await onClock();
		const [skip, silence] = sim.seedRecordings(sim.seedConference({ friendlyName: 'paused' }).sid, 2, {
			status: 'in-progress',
			duration: 0,
		});
		const cf = skip.conference_sid;
		expect((await update(sim, cf, skip.sid, { Status: 'paused', PauseBehavior: 'skip' })).json.status).toBe('paused');
		expect((await update(sim, cf, silence.sid, { Status: 'paused' })).json.status).toBe('paused');
		advance(10_000);
		for (const r of [skip, silence])
			expect((await update(sim, cf, r.sid, { Status: 'in-progress' })).json.status).toBe('in-progress');
		advance(5000);
		for (const r of [skip, silence]) await update(sim, cf, r.sid, { Status: 'stopped' });
		const durations = (await call(sim, 'GET', recordingsPath(cf))).json.recordings.map((r) => [r.sid, r.duration]);
		expect(durations.sort()).toEqual(
			[
				[skip.sid, '5'],
				[silence.sid, '15'],
			].sort(),
		);
	});

	test('Twilio.CURRENT names the live recording on an update, and nothing on a fetch', async () => {
		const { sim } = await onClock();
		const cf = sim.seedConference({ friendlyName: 'current' }).sid;
		const [, live] = sim.seedRecordings(cf, 2, (i) => ({ status: i ? 'in-progress' : 'completed' }));
		expect((await update(sim, cf, 'Twilio.CURRENT', { Status: 'paused' })).json).toMatchObject({
			sid: live.sid,
			status: 'paused',
		});
		expect((await call(sim, 'GET', recordingPath(cf, 'Twilio.CURRENT'))).status).toBe(404);
	});

	test.each([
		['a stopped recording', { Status: 'in-progress' }, 'completed', 400, 21220],
		['an absent recording', { Status: 'paused' }, 'absent', 400, 21220],
		['Status missing', { PauseBehavior: 'skip' }, 'in-progress', 400, 20001],
		['a Status the update does not take', { Status: 'completed' }, 'in-progress', 400, 20001],
		[
			'a PauseBehavior outside skip and silence',
			{ Status: 'paused', PauseBehavior: 'mute' },
			'in-progress',
			400,
			20001,
		],
		[
			'Status given twice',
			[
				['Status', 'paused'],
				['Status', 'stopped'],
			],
			'in-progress',
			400,
			20001,
		],
	])('refuses %s', async (_name, form, status, httpStatus, code) => {
		const { sim } = await onClock();
		const [r] = sim.seedRecordings(sim.seedConference({ friendlyName: 'refusals' }).sid, 1, { status });
		const answer = await update(sim, r.conference_sid, r.sid, form);
		expect([answer.status, answer.json.code]).toEqual([httpStatus, code]);
		expect(sim.state.recordings[0].status).toBe(status);
	});

	test('PauseBehavior with another Status is ignored, as Twilio documents', async () => {
		const { sim } = await onClock();
		const [r] = sim.seedRecordings(sim.seedConference({ friendlyName: 'ignored' }).sid, 1, { status: 'paused' });
		const answer = await update(sim, r.conference_sid, r.sid, { Status: 'in-progress', PauseBehavior: 'skip' });
		expect(answer.json.status).toBe('in-progress');
		expect(sim.state.recordings[0].updates).toEqual([
			{ Status: 'in-progress', PauseBehavior: 'skip', ignored: ['PauseBehavior'] },
		]);
	});
});

describe('Fetch, Delete, and the end of the conference', () => {
	test('Delete answers 204; the recording is gone from fetch and list; a live one is finished first', async () => {
		const { sim } = await onClock();
		const { cf, recording } = await recordedConference(sim);
		const deleted = await call(sim, 'DELETE', recordingPath(cf, recording.sid));
		expect([deleted.status, deleted.text]).toEqual([204, '']);
		expect((await call(sim, 'GET', recordingPath(cf, recording.sid))).status).toBe(404);
		expect((await call(sim, 'GET', recordingsPath(cf))).json.recordings).toEqual([]);
		await sim.callbacks.settled();
		expect(recordingEvents(sim).map(([event]) => event)).toEqual(['recording-in-progress', 'recording-absent']);
	});

	test("404 for another conference's recording, an unknown SID, and an unknown conference", async () => {
		const { sim } = await onClock();
		const [a, b] = [sim.seedConference({ friendlyName: 'a' }).sid, sim.seedConference({ friendlyName: 'b' }).sid];
		const [r] = sim.seedRecordings(a, 1);
		expect((await call(sim, 'GET', recordingPath(b, r.sid))).status).toBe(404);
		expect((await call(sim, 'GET', recordingPath(a, `RE${'0'.repeat(32)}`))).status).toBe(404);
		const unknown = await call(sim, 'GET', recordingsPath(`CF${'0'.repeat(32)}`));
		expect([unknown.status, unknown.json.code]).toEqual([404, 20404]);
	});

	test('ending the conference finishes its live recordings, seeded or not', async () => {
		const { sim, advance } = await onClock();
		const { cf, recording } = await recordedConference(sim);
		const [paused] = sim.seedRecordings(cf, 1, { status: 'paused' });
		advance(3000);
		await call(sim, 'POST', `${base}/Conferences/${cf}.json`, { form: { Status: 'completed' } });
		const list = (await call(sim, 'GET', recordingsPath(cf))).json.recordings;
		expect(Object.fromEntries(list.map((r) => [r.sid, [r.status, r.duration]]))).toEqual({
			[recording.sid]: ['completed', '3'],
			[paused.sid]: ['completed', '33'],
		});
	});
});

describe('the list', () => {
	test('newest first, DateCreated filters (also percent-encoded), paging with the filters in next_page_uri', async () => {
		const { sim } = await onClock();
		const cf = sim.seedConference({ friendlyName: 'days' }).sid;
		const seeded = sim.seedRecordings(cf, 5, (i) => ({ createdAt: T0 - i * DAY }));
		const sids = (query) =>
			call(sim, 'GET', `${recordingsPath(cf)}?${query}`).then((r) => r.json.recordings.map((x) => x.sid));
		expect(await sids('')).toEqual(seeded.map((r) => r.sid));
		expect(await sids('DateCreated=2026-11-01')).toEqual([seeded[1].sid]);
		expect(await sids('DateCreated<=2026-10-31')).toEqual([seeded[2].sid, seeded[3].sid, seeded[4].sid]);
		expect(await sids('DateCreated%3E=2026-11-01')).toEqual([seeded[0].sid, seeded[1].sid]);
		const first = await call(sim, 'GET', `${recordingsPath(cf)}?DateCreated%3C=2026-11-01&PageSize=2`);
		expect(first.json.next_page_uri).toContain('DateCreated%3C=2026-11-01');
		const second = await call(sim, 'GET', first.json.next_page_uri);
		expect([...first.json.recordings, ...second.json.recordings].map((r) => r.sid)).toEqual(
			seeded.slice(1, 5).map((r) => r.sid),
		);
		expect(second.json.next_page_uri).toBeNull();
		expect((await call(sim, 'GET', `${recordingsPath(cf)}?DateCreated=11/01/2026`)).status).toBe(400);
	});
});

describe('conference updates', () => {
	const conferencePath = (cf) => `${base}/Conferences/${cf}.json`;

	test('AnnounceUrl plays to a live conference; Status=completed ends it, says why, and removes everyone', async () => {
		const { sim } = await onClock();
		const cf = sim.seedConference({ friendlyName: 'announce', region: 'ie1' }).sid;
		sim.seedParticipants(cf, 2);
		const announced = await call(sim, 'POST', conferencePath(cf), {
			form: { AnnounceUrl: 'https://example.com/a.xml', AnnounceMethod: 'GET' },
		});
		expect(announced.json).toMatchObject({
			status: 'in-progress',
			region: 'ie1',
			reason_conference_ended: null,
			call_sid_ending_conference: null,
		});
		expect(sim.state.conferences[0].announcements).toEqual([{ url: 'https://example.com/a.xml', method: 'GET' }]);
		const ended = await call(sim, 'POST', conferencePath(cf), { form: { Status: 'completed' } });
		expect(ended.json).toMatchObject({
			status: 'completed',
			reason_conference_ended: 'conference-ended-via-api',
			call_sid_ending_conference: null,
		});
		expect(sim.state.participants).toEqual([]);
		expect((await call(sim, 'POST', conferencePath(cf), { form: { Status: 'completed' } })).status).toBe(200);
	});

	test.each([
		['an Announce URL that is not a URL', { AnnounceUrl: 'announce.xml' }, 21205],
		[
			'an Announce Method other than GET or POST',
			{ AnnounceUrl: 'https://example.com/a.xml', AnnounceMethod: 'PUT' },
			20001,
		],
		['a Status other than completed', { Status: 'in-progress' }, 20001],
	])('refuses %s', async (_name, form, code) => {
		const { sim } = await onClock();
		const cf = sim.seedConference({ friendlyName: 'refuse' }).sid;
		const answer = await call(sim, 'POST', conferencePath(cf), { form });
		expect([answer.status, answer.json.code]).toEqual([400, code]);
	});

	test('an announcement to a completed conference is refused', async () => {
		const { sim } = await onClock();
		const cf = sim.seedConference({
			friendlyName: 'over',
			status: 'completed',
			reasonConferenceEnded: 'last-participant-left',
		}).sid;
		const answer = await call(sim, 'POST', conferencePath(cf), { form: { AnnounceUrl: 'https://example.com/a.xml' } });
		expect(answer.status).toBe(400);
		expect((await call(sim, 'GET', conferencePath(cf))).json.reason_conference_ended).toBe('last-participant-left');
	});
});
