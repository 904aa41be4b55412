import type { IDataObject } from 'n8n-workflow';
import { runNode } from './helpers/engine';
import { ACCOUNT_SID, conferenceRequests, useSimulator } from './helpers/twilio';

const env = useSimulator({ connectAfterMs: 20 });
const base = `/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences`;
const rl = (mode: string, value: string) => ({ __rl: true, mode, value });
const DAY = 24 * 60 * 60 * 1000;
const NOV_1 = Date.UTC(2026, 10, 1, 8);

const run = (parameters: IDataObject, extra: { items?: IDataObject[]; continueOnFail?: boolean } = {}) =>
	runNode({ parameters: { resource: 'conferenceRecording', ...parameters }, credentials: env.credentials, ...extra });

function recorded(count = 1, overrides: object | ((i: number) => object) = { status: 'in-progress' }) {
	const conference = env.sim.seedConference({ friendlyName: `recorded ${Math.random()}` });
	return { conference, recordings: env.sim.seedRecordings(conference.sid, count, overrides) };
}

async function until(check: () => boolean) {
	for (const end = Date.now() + 3000; Date.now() < end; await new Promise((resolve) => setTimeout(resolve, 10)))
		if (check()) return;
	throw new Error('condition not met in time');
}

test('a participant created with Conference Record gives the conference a recording that Get Many finds', async () => {
	const created = await runNode({
		parameters: {
			resource: 'participant',
			operation: 'create',
			conference: 'recorded standup',
			from: '+15017122661',
			to: '+15558675310',
			recordingOptions: { conferenceRecord: 'record-from-start' },
		},
		credentials: env.credentials,
	});
	const conferenceSid = String(created.items[0].json.conference_sid);
	await until(() => env.sim.state.recordings.some((r) => r.conference_sid === conferenceSid));
	const { items, error } = await run({
		operation: 'getAll',
		conference: rl('name', 'recorded standup'),
		returnAll: true,
		simplify: false,
	});
	expect(error).toBeUndefined();
	expect(items).toHaveLength(1);
	expect(items[0].json).toMatchObject({
		conference_sid: conferenceSid,
		call_sid: created.items[0].json.call_sid,
		status: 'in-progress',
		source: 'StartConferenceRecordingAPI',
		channels: 1,
	});
	expect(String(items[0].json.sid)).toMatch(/^RE[0-9a-f]{32}$/);
});

describe('Get Many', () => {
	test('newest first, simplified by default, DateCreated filters as Twilio writes them', async () => {
		const { conference, recordings } = recorded(4, (i: number) => ({ createdAt: NOV_1 - i * DAY }));
		const { items } = await run({
			operation: 'getAll',
			conference: rl('id', conference.sid),
			returnAll: true,
			filters: { createdOnOrAfter: '2026-10-30T00:00:00', createdOnOrBefore: '={{ "2026-10-31" }}' },
		});
		const [request] = conferenceRequests(env.sim);
		expect(request.path).toBe(`${base}/${conference.sid}/Recordings.json`);
		expect(request.rawQuery.split('&').sort()).toEqual([
			'DateCreated%3C=2026-10-31',
			'DateCreated%3E=2026-10-30',
			'PageSize=1000',
		]);
		expect(items.map((i) => i.json.sid)).toEqual([recordings[1].sid, recordings[2].sid]);
		expect(Object.keys(items[0].json).sort()).toEqual([
			'call_sid',
			'channels',
			'conference_sid',
			'date_created',
			'date_updated',
			'duration',
			'error_code',
			'sid',
			'source',
			'start_time',
			'status',
		]);
	});

	test('Return All follows next_page_uri; Limit stops early', async () => {
		const { conference, recordings } = recorded(1200, (i: number) => ({ createdAt: NOV_1 - i * 1000 }));
		const all = await run({ operation: 'getAll', conference: rl('id', conference.sid), returnAll: true });
		expect(all.items.map((i) => i.json.sid)).toEqual(recordings.map((r) => r.sid));
		expect(conferenceRequests(env.sim).map((r) => r.query.PageSize)).toEqual(['1000', '1000']);
		env.sim.clearRequests();
		const some = await run({ operation: 'getAll', conference: rl('id', conference.sid), limit: 7 });
		expect(some.items.map((i) => i.json.sid)).toEqual(recordings.slice(0, 7).map((r) => r.sid));
		expect(conferenceRequests(env.sim).map((r) => r.query.PageSize)).toEqual(['7']);
	});
});

describe('Get', () => {
	test('by SID, and from the list', async () => {
		const { conference, recordings } = recorded(2, { status: 'completed', duration: 42 });
		for (const mode of ['id', 'list']) {
			env.sim.clearRequests();
			const { items } = await run({
				operation: 'get',
				conference: rl('id', conference.sid),
				recording: rl(mode, recordings[1].sid),
			});
			expect(conferenceRequests(env.sim).map((r) => `${r.method} ${r.path}`)).toEqual([
				`GET ${base}/${conference.sid}/Recordings/${recordings[1].sid}.json`,
			]);
			expect(items[0].json).toMatchObject({ sid: recordings[1].sid, status: 'completed', duration: '42' });
		}
	});

	test("another conference's recording: 404 that names the conference or recording", async () => {
		const { recordings } = recorded();
		const other = env.sim.seedConference({ friendlyName: 'other' });
		const { error } = await run({
			operation: 'get',
			conference: rl('id', other.sid),
			recording: rl('id', recordings[0].sid),
		});
		expect(error?.message).toBe('Twilio could not find the conference or recording (404 Not Found)');
		expect(error?.description).toContain('the recording must belong to this conference');
	});

	test('a recording SID that is not one is refused before sending', async () => {
		const { conference } = recorded();
		const { error } = await run({
			operation: 'get',
			conference: rl('id', conference.sid),
			recording: rl('id', `={{ "CA${'1'.repeat(32)}" }}`),
		});
		expect(error?.message).toBe(
			'Invalid value for "Recording" in item 0: expected a SID: "RE" followed by 32 hexadecimal characters',
		);
		expect(env.sim.requests).toHaveLength(0);
	});
});

describe('Update', () => {
	const update = (conferenceSid: string, recordingSid: string, fields: object, extra = {}) =>
		run(
			{ operation: 'update', conference: rl('id', conferenceSid), recording: rl('id', recordingSid), ...fields },
			extra,
		);

	test('pause with Pause Behavior, resume, stop: the form Twilio takes, the recording it answers', async () => {
		const { conference, recordings } = recorded();
		const sid = recordings[0].sid;
		const paused = await update(conference.sid, sid, { status: 'paused', pauseBehavior: 'skip' });
		expect(paused.items[0].json).toMatchObject({ sid, status: 'paused' });
		const resumed = await update(conference.sid, sid, { status: 'in-progress', pauseBehavior: 'skip' });
		expect(resumed.items[0].json.status).toBe('in-progress');
		const stopped = await update(conference.sid, sid, { status: 'stopped' });
		expect(stopped.items[0].json.status).toBe('stopped');
		// Pause Behavior only goes with Paused, as Twilio reads it only then.
		expect(conferenceRequests(env.sim).map((r) => [r.method, r.path, r.contentType, r.rawBody])).toEqual([
			[
				'POST',
				`${base}/${conference.sid}/Recordings/${sid}.json`,
				'application/x-www-form-urlencoded',
				'Status=paused&PauseBehavior=skip',
			],
			[
				'POST',
				`${base}/${conference.sid}/Recordings/${sid}.json`,
				'application/x-www-form-urlencoded',
				'Status=in-progress',
			],
			[
				'POST',
				`${base}/${conference.sid}/Recordings/${sid}.json`,
				'application/x-www-form-urlencoded',
				'Status=stopped',
			],
		]);
		expect(env.sim.state.recordings.find((r) => r.sid === sid)?.status).toMatch(/^(completed|absent)$/);
	});

	test("a stopped recording cannot be changed: Twilio's refusal, with its code", async () => {
		const { conference, recordings } = recorded(1, { status: 'completed' });
		const { error } = await update(conference.sid, recordings[0].sid, { status: 'in-progress' });
		expect(error?.message).toBe(
			`Twilio rejected the request: Recording ${recordings[0].sid} is completed: only a recording in progress or paused can be changed`,
		);
		expect(error?.description).toContain('Error code 21220.');
		// An update may have been carried out: it is not sent twice.
		expect(conferenceRequests(env.sim)).toHaveLength(1);
	});

	test('a Status from an expression outside the three is refused before sending', async () => {
		const { conference, recordings } = recorded();
		const { error } = await update(conference.sid, recordings[0].sid, { status: '={{ "completed" }}' });
		expect(error?.message).toBe(
			'Invalid value for "Status" in item 0: expected one of in-progress, paused, stopped, got completed',
		);
		expect(env.sim.requests).toHaveLength(0);
	});

	test('with Continue On Fail, N items give N paired results', async () => {
		const { conference, recordings } = recorded(2);
		const { items } = await run(
			{
				operation: 'update',
				conference: rl('id', conference.sid),
				recording: rl('id', '={{ $json.re }}'),
				status: 'paused',
			},
			{
				items: [{ re: recordings[0].sid }, { re: 'RE-bad' }, { re: `RE${'0'.repeat(32)}` }, { re: recordings[1].sid }],
				continueOnFail: true,
			},
		);
		expect(items.map((i) => [i.pairedItem, i.json.status ?? i.error?.message])).toEqual([
			[{ item: 0 }, 'paused'],
			[
				{ item: 1 },
				'Invalid value for "Recording" in item 1: expected a SID: "RE" followed by 32 hexadecimal characters',
			],
			[{ item: 2 }, 'Twilio could not find the conference or recording (404 Not Found)'],
			[{ item: 3 }, 'paused'],
		]);
	});
});

describe('Delete', () => {
	test('deletes the recording and outputs deleted: true with both SIDs', async () => {
		const { conference, recordings } = recorded(1, { status: 'completed' });
		const { items } = await run({
			operation: 'delete',
			conference: rl('id', conference.sid),
			recording: rl('list', recordings[0].sid),
		});
		const [request] = conferenceRequests(env.sim);
		expect([request.method, request.path, request.status, request.rawBody]).toEqual([
			'DELETE',
			`${base}/${conference.sid}/Recordings/${recordings[0].sid}.json`,
			204,
			'',
		]);
		expect(items).toEqual([
			{
				json: { deleted: true, conferenceSid: conference.sid, recordingSid: recordings[0].sid },
				pairedItem: { item: 0 },
			},
		]);
		expect(env.sim.state.recordings.some((r) => r.sid === recordings[0].sid)).toBe(false);
	});
});
