import type { IDataObject } from 'n8n-workflow';
import { runNode } from './helpers/engine';
import { ACCOUNT_SID, conferenceListRequests, conferenceRequests, useSimulator } from './helpers/twilio';

const env = useSimulator();
const base = `/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences`;
const rl = (mode: string, value: string) => ({ __rl: true, mode, value });
const DAY = 24 * 60 * 60 * 1000;
const NOV_1 = Date.UTC(2026, 10, 1, 12);

const run = (parameters: IDataObject, extra: { items?: IDataObject[]; continueOnFail?: boolean } = {}) =>
	runNode({ parameters: { resource: 'conference', ...parameters }, credentials: env.credentials, ...extra });

describe('Get', () => {
	test("by SID: one GET of the conference, Twilio's JSON out, with why and by whom it ended", async () => {
		const ender = `CA${'e'.repeat(32)}`;
		const conference = env.sim.seedConference({
			friendlyName: 'ended room',
			status: 'completed',
			region: 'ie1',
			reasonConferenceEnded: 'participant-with-end-conference-on-exit-left',
			callSidEndingConference: ender,
		});
		const { items, error } = await run({ operation: 'get', targetConference: rl('id', conference.sid) });
		expect(error).toBeUndefined();
		const [request] = conferenceRequests(env.sim);
		expect([request.method, request.path, request.rawQuery, request.rawBody]).toEqual([
			'GET',
			`${base}/${conference.sid}.json`,
			'',
			'',
		]);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			sid: conference.sid,
			friendly_name: 'ended room',
			status: 'completed',
			region: 'ie1',
			reason_conference_ended: 'participant-with-end-conference-on-exit-left',
			call_sid_ending_conference: ender,
			account_sid: ACCOUNT_SID,
		});
		expect(items[0].json).toHaveProperty('subresource_uris');
	});

	test('by friendly name: the live conference of that name is looked up first; Simplify keeps the end fields', async () => {
		const conference = env.sim.seedConference({ friendlyName: 'Sales Sync ☕' });
		const { items } = await run({ operation: 'get', targetConference: rl('name', 'Sales Sync ☕'), simplify: true });
		const [lookup] = conferenceListRequests(env.sim);
		expect(lookup.query).toEqual({ FriendlyName: 'Sales Sync ☕', Status: 'in-progress', PageSize: '20' });
		expect(conferenceRequests(env.sim).map((r) => r.path)).toEqual([`${base}/${conference.sid}.json`]);
		expect(Object.keys(items[0].json).sort()).toEqual([
			'call_sid_ending_conference',
			'date_created',
			'date_updated',
			'friendly_name',
			'reason_conference_ended',
			'region',
			'sid',
			'status',
		]);
		expect(items[0].json).toMatchObject({
			sid: conference.sid,
			reason_conference_ended: null,
			call_sid_ending_conference: null,
		});
	});

	test('an unknown conference: 404 that names the conference, not a participant', async () => {
		const { error } = await run({ operation: 'get', targetConference: rl('id', `CF${'0'.repeat(32)}`) });
		expect(error?.message).toBe('Twilio could not find the conference (404 Not Found)');
		expect(error?.description).toContain('Error code 20404.');
	});

	test('a conference SID from an expression that is not one is refused before sending, naming field and item', async () => {
		const { error } = await run({ operation: 'get', targetConference: rl('id', '={{ "Sales" }}') });
		expect(error?.message).toBe(
			'Invalid value for "Conference" in item 0: expected a SID: "CF" followed by 32 hexadecimal characters',
		);
		expect(env.sim.requests).toHaveLength(0);
	});
});

describe('Get Many', () => {
	const ids = (items: Array<{ json: Record<string, unknown> }>) => items.map((i) => i.json.friendly_name);

	test('Status is always sent, in-progress unless another is chosen', async () => {
		const tag = `status ${Math.random()}`;
		for (const status of ['init', 'in-progress', 'completed'])
			env.sim.seedConference({ friendlyName: `${tag} ${status}`, status });
		const live = await run({ operation: 'getAll', returnAll: true, filters: { friendlyName: `${tag} in-progress` } });
		expect(conferenceListRequests(env.sim)[0].query).toEqual({
			Status: 'in-progress',
			FriendlyName: `${tag} in-progress`,
			PageSize: '1000',
		});
		expect(ids(live.items)).toEqual([`${tag} in-progress`]);
		for (const status of ['init', 'completed']) {
			env.sim.clearRequests();
			const { items } = await run({
				operation: 'getAll',
				returnAll: true,
				status,
				filters: { friendlyName: `${tag} ${status}` },
			});
			expect(conferenceListRequests(env.sim)[0].query.Status).toBe(status);
			expect(items.map((i) => [i.json.friendly_name, i.json.status])).toEqual([[`${tag} ${status}`, status]]);
		}
	});

	test("date filters reach the wire as Twilio's own library sends them: DateCreated, DateCreated%3C=, DateCreated%3E=", async () => {
		const tag = `dated ${Math.random()}`;
		for (let i = 0; i < 4; i++)
			env.sim.seedConference({ friendlyName: `${tag} ${i}`, createdAt: NOV_1 - i * DAY, updatedAt: NOV_1 + DAY });
		const { items } = await run({
			operation: 'getAll',
			returnAll: true,
			// As the editor's date picker fills them, and from expressions (a Luxon DateTime, a JavaScript Date).
			filters: {
				friendlyName: '',
				createdOnOrBefore: '2026-11-01T00:00:00',
				createdOnOrAfter: "={{ DateTime.fromISO('2026-10-30T23:30:00', { zone: 'America/New_York' }) }}",
				updatedOn: '={{ new Date(Date.UTC(2026, 10, 2, 23, 59)) }}',
			},
		});
		const [request] = conferenceListRequests(env.sim);
		expect(request.rawQuery.split('&').sort()).toEqual([
			'DateCreated%3C=2026-11-01',
			'DateCreated%3E=2026-10-30',
			'DateUpdated=2026-11-02',
			'PageSize=1000',
			'Status=in-progress',
		]);
		expect(ids(items).filter((name) => String(name).startsWith(tag))).toEqual([`${tag} 0`, `${tag} 1`, `${tag} 2`]);
	});

	test.each([
		['a date that does not exist', { createdOn: '2026-02-30' }, 'Created On', 'expected a date such as 2026-11-01'],
		[
			'a date in another form',
			{ updatedOnOrAfter: '={{ "11/01/2026" }}' },
			'Updated On or After',
			'expected a date such as 2026-11-01, got 11/01/2026',
		],
		['a friendly name with a line break', { friendlyName: 'two\nlines' }, 'Friendly Name', 'control characters'],
	])('%s is refused before sending, naming the field and the item', async (_name, filters, field, problem) => {
		const { error } = await run({ operation: 'getAll', filters }, { items: [{}, {}] });
		expect(error?.message).toContain(`Invalid value for "${field}" in item 0: ${problem}`);
		expect(env.sim.requests).toHaveLength(0);
	});

	test('a Status from an expression outside the three is refused', async () => {
		const { error } = await run({ operation: 'getAll', status: '={{ "live" }}' });
		expect(error?.message).toBe(
			'Invalid value for "Status" in item 0: expected one of completed, in-progress, init, got "live"',
		);
		expect(env.sim.requests).toHaveLength(0);
	});
});

describe('End', () => {
	test('posts Status=completed: everyone is hung up, the conference is completed and says why', async () => {
		const conference = env.sim.seedConference({ friendlyName: `end ${Math.random()}` });
		env.sim.seedParticipants(conference.sid, 3);
		const { items, error } = await run({ operation: 'end', targetConference: rl('list', conference.sid) });
		expect(error).toBeUndefined();
		const [request] = conferenceRequests(env.sim);
		expect([request.method, request.path, request.contentType, request.rawBody]).toEqual([
			'POST',
			`${base}/${conference.sid}.json`,
			'application/x-www-form-urlencoded',
			'Status=completed',
		]);
		expect(items.map((i) => i.json)).toEqual([
			expect.objectContaining({
				sid: conference.sid,
				status: 'completed',
				reason_conference_ended: 'conference-ended-via-api',
				call_sid_ending_conference: null,
			}),
		]);
		expect(env.sim.state.participants.filter((p) => p.conference_sid === conference.sid)).toEqual([]);
	});

	test('with Continue On Fail, each item ends its own conference and a failure stays paired with its item', async () => {
		const a = env.sim.seedConference({ friendlyName: 'end a' });
		const b = env.sim.seedConference({ friendlyName: 'end b' });
		const { items, error } = await run(
			{ operation: 'end', targetConference: rl('id', '={{ $json.cf }}') },
			{ items: [{ cf: a.sid }, { cf: 'nope' }, { cf: `CF${'0'.repeat(32)}` }, { cf: b.sid }], continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(items.map((i) => i.json.status ?? i.error?.message)).toEqual([
			'completed',
			'Invalid value for "Conference" in item 1: expected a SID: "CF" followed by 32 hexadecimal characters',
			'Twilio could not find the conference (404 Not Found)',
			'completed',
		]);
		expect(conferenceRequests(env.sim)).toHaveLength(3);
	});
});

describe('Announce', () => {
	test('posts Announce URL and Announce Method; the conference plays it and stays live', async () => {
		const conference = env.sim.seedConference({ friendlyName: `announce ${Math.random()}` });
		const { items, error } = await run({
			operation: 'announce',
			targetConference: rl('id', conference.sid),
			announceUrl: 'https://example.com/closing.xml',
			announceMethod: 'GET',
		});
		expect(error).toBeUndefined();
		const [request] = conferenceRequests(env.sim);
		expect(request.body).toEqual({ AnnounceUrl: 'https://example.com/closing.xml', AnnounceMethod: 'GET' });
		expect(items[0].json).toMatchObject({ sid: conference.sid, status: 'in-progress' });
		expect(env.sim.state.conferences.find((c) => c.sid === conference.sid)?.announcements).toEqual([
			{ url: 'https://example.com/closing.xml', method: 'GET' },
		]);
	});

	test.each([
		[
			'an Announce URL that is not a URL',
			{ announceUrl: 'closing.xml' },
			'Announce URL',
			'expected an http:// or https:// URL',
		],
		[
			'an empty Announce URL from an expression',
			{ announceUrl: '={{ "" }}' },
			'Announce URL',
			'it is required and was empty',
		],
		[
			'an Announce Method outside GET and POST',
			{ announceUrl: 'https://example.com/a.xml', announceMethod: '={{ "PUT" }}' },
			'Announce Method',
			'expected one of GET, POST',
		],
	])('%s is refused before sending', async (_name, fields, field, problem) => {
		const { error } = await run({
			operation: 'announce',
			targetConference: rl('id', `CF${'1'.repeat(32)}`),
			...fields,
		});
		expect(error?.message).toContain(`Invalid value for "${field}" in item 0: ${problem}`);
		expect(env.sim.requests).toHaveLength(0);
	});

	test("Twilio's refusal of an announcement to an ended conference keeps Twilio's words", async () => {
		const conference = env.sim.seedConference({ friendlyName: 'over', status: 'completed' });
		const { error } = await run({
			operation: 'announce',
			targetConference: rl('id', conference.sid),
			announceUrl: 'https://example.com/a.xml',
		});
		expect(error?.message).toBe(
			`Twilio rejected the request: Conference ${conference.sid} has completed; there is no one to announce to`,
		);
		expect(conferenceRequests(env.sim)).toHaveLength(1);
	});
});
