'use strict';
// Twilio's rules in the simulator: conference size, labels, To/From, WaitUrl, TimeLimit, and the Conferences
// list's default and filters. Every request goes to 127.0.0.1 only.

const { base, useSimulators, call, create, participantsPath, participantPath } = require('./helpers/simulator-client');

const start = useSimulators();
const HEX32 = '0123456789abcdef0123456789abcdef';
const codeOf = async (response) => {
	const r = await response;
	return [r.status, r.json.code];
};

describe('conference size', () => {
	test('a conference holds 250 participants; the next create is 16020 and places nobody', async () => {
		const sim = await start();
		const conf = sim.seedConference({ friendlyName: 'full house' });
		sim.seedParticipants(conf.sid, 249);
		expect((await create(sim, conf.sid)).status).toBe(201);
		const full = await create(sim, conf.sid);
		expect([full.status, full.json.code]).toEqual([400, 16020]);
		expect(full.json.more_info).toBe('https://www.twilio.com/docs/errors/16020');
		// By name it is the same conference, and just as full.
		expect(await codeOf(create(sim, 'full house'))).toEqual([400, 16020]);
		expect(sim.state.participants).toHaveLength(250);
	});

	test('MaxParticipants from the participant that starts the conference sets its size', async () => {
		const sim = await start();
		const first = await create(sim, 'small', { MaxParticipants: '2' });
		expect((await create(sim, 'small', { MaxParticipants: '250' })).status).toBe(201);
		expect(await codeOf(create(sim, first.json.conference_sid))).toEqual([400, 16020]);
		// A place freed is a place to take.
		await call(sim, 'DELETE', participantPath(first.json.conference_sid, first.json.call_sid));
		expect((await create(sim, 'small')).status).toBe(201);
		expect(await codeOf(create(sim, 'x', { MaxParticipants: '1' }))).toEqual([400, 20001]);
	});

	test('seeded conferences take a size too', async () => {
		const sim = await start();
		const conf = sim.seedConference({ friendlyName: 'seeded small', maxParticipants: 3 });
		sim.seedParticipants(conf.sid, 3);
		expect(await codeOf(create(sim, conf.sid))).toEqual([400, 16020]);
	});
});

describe('labels', () => {
	test.each([
		['129 characters', 'x'.repeat(129)],
		['129 characters beyond ASCII', 'ü'.repeat(129)],
		['a slash', 'team/alice'],
		['a slash written %2F', 'team%2Falice'],
		['a slash written %2f', 'team%2falice'],
		['the shape of a Call SID', `CA${HEX32}`],
	])('refused with 16024: %s', async (_name, Label) => {
		const sim = await start();
		const r = await create(sim, 'labels', { Label });
		expect([r.status, r.json.code]).toEqual([400, 16024]);
		expect(r.json.message).toMatch(/label/i);
		expect(sim.state.participants).toHaveLength(0);
	});

	test.each([
		['128 characters', 'x'.repeat(128)],
		['128 characters beyond ASCII', '日'.repeat(128)],
		['a Call SID in capitals (not the shape Twilio names)', `CA${HEX32.toUpperCase()}`],
		['CA and 31 digits', `CA${HEX32.slice(1)}`],
		['percent signs and backslashes', '100% \\ done %2 F'],
	])('accepted: %s', async (_name, Label) => {
		const sim = await start();
		const r = await create(sim, 'labels', { Label });
		expect(r.status).toBe(201);
		expect(r.json.label).toBe(Label);
		const got = await call(sim, 'GET', participantPath(r.json.conference_sid, Label));
		expect(got.json.call_sid).toBe(r.json.call_sid);
	});

	test('a label in use in the conference is 16026', async () => {
		const sim = await start();
		await create(sim, 'twice', { Label: 'alice' });
		expect(await codeOf(create(sim, 'twice', { Label: 'alice' }))).toEqual([400, 16026]);
		expect((await create(sim, 'elsewhere', { Label: 'alice' })).status).toBe(201);
	});
});

describe('To and From', () => {
	test.each([
		['a phone number', '+15558675310', '+15017122661'],
		['a Client identity', 'client:alice', '+15017122661'],
		['a Client identity with custom parameters', 'client:alice?ticket=42', 'client:support'],
		['a SIP address, from a SIP user name', 'sip:alice@example.com', 'reception'],
		['a SIP address, from a phone number', 'sip:alice@example.com;transport=tls', '+15017122661'],
		['a TwiML App', `app:AP${HEX32}?mode=queue`, '+15017122661'],
	])('accepted: %s', async (_name, To, From) => {
		const sim = await start();
		expect((await create(sim, 'endpoints', { To, From })).status).toBe(201);
		expect(sim.state.participants[0].params).toMatchObject({ To, From });
	});

	test.each([
		['To', { To: '5558675310' }, 21211],
		['To', { To: '+1' }, 21211],
		['To', { To: '+0155586753' }, 21211],
		['To', { To: '+1555867531099999' }, 21211],
		['To', { To: '+1 555 867 5310' }, 21211],
		['To', { To: 'alice@example.com' }, 21211],
		['To', { To: 'app:alice' }, 21211],
		['To', { To: 'client:' }, 21211],
		['From', { From: 'reception' }, 21212],
		['From', { From: '+1' }, 21212],
		['From', { From: 'not a number' }, 21212],
		['From', { From: 'client:support' }, 21212],
		['From', { To: 'client:alice', From: 'reception' }, 21212],
	])('%s refused: %j', async (field, extra, code) => {
		const sim = await start();
		const r = await create(sim, 'endpoints', extra);
		expect([r.status, r.json.code]).toEqual([400, code]);
		expect(r.json.message).toContain(`'${field}'`);
		expect(r.json.more_info).toBe(`https://www.twilio.com/docs/errors/${code}`);
		expect(sim.state.participants).toHaveLength(0);
	});
});

describe('WaitUrl and TimeLimit', () => {
	test('WaitUrl empty means play nothing, on Create and on Update', async () => {
		const sim = await start();
		const made = await create(sim, 'quiet', { WaitUrl: '' });
		expect(made.status).toBe(201);
		expect(sim.state.participants[0].params.WaitUrl).toBe('');
		const path = participantPath(made.json.conference_sid, made.json.call_sid);
		expect((await call(sim, 'POST', path, { form: { WaitUrl: '' } })).status).toBe(200);
		expect(sim.state.participants[0].updates[0].WaitUrl).toBe('');
	});

	test.each(['hold music', 'ftp://example.com/music.mp3', '/relative/music.mp3'])(
		'WaitUrl %j is 13233',
		async (WaitUrl) => {
			const sim = await start();
			const made = await create(sim, 'loud');
			expect(await codeOf(create(sim, 'loud', { WaitUrl }))).toEqual([400, 13233]);
			const path = participantPath(made.json.conference_sid, made.json.call_sid);
			expect(await codeOf(call(sim, 'POST', path, { form: { WaitUrl } }))).toEqual([400, 13233]);
			// Other URL parameters keep their own code.
			expect(await codeOf(call(sim, 'POST', path, { form: { HoldUrl: WaitUrl } }))).toEqual([400, 21205]);
		},
	);

	test.each([
		['1', 201],
		['86400', 201],
		['0', 400],
		['86401', 400],
	])('TimeLimit %s answers %i', async (TimeLimit, status) => {
		const sim = await start();
		expect((await create(sim, 'limit', { TimeLimit })).status).toBe(status);
	});
});

describe('the Conferences list', () => {
	const day = (d, h = 12) => Date.parse(`2026-10-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00Z`);
	const names = (r) => r.json.conferences.map((c) => c.friendly_name);
	const list = (sim, query) => call(sim, 'GET', `${base}/Conferences.json?${query}`);

	async function seeded() {
		const sim = await start();
		sim.seedConference({ friendlyName: 'd1', createdAt: day(1), updatedAt: day(3) });
		sim.seedConference({ friendlyName: 'd2', createdAt: day(2, 0), updatedAt: day(2, 23) });
		sim.seedConference({ friendlyName: 'd3', createdAt: day(3) });
		sim.seedConference({ friendlyName: 'waiting', status: 'init', createdAt: day(2) });
		sim.seedConference({ friendlyName: 'over', status: 'completed', createdAt: day(2) });
		return sim;
	}

	test('without Status it lists only in-progress conferences; with Status, that status', async () => {
		const sim = await seeded();
		expect(names(await list(sim, ''))).toEqual(['d3', 'd2', 'd1']);
		expect(names(await list(sim, 'Status=init'))).toEqual(['waiting']);
		expect(names(await list(sim, 'Status=completed'))).toEqual(['over']);
		expect(names(await list(sim, 'Status=in-progress'))).toEqual(['d3', 'd2', 'd1']);
		expect(await codeOf(list(sim, 'Status=live'))).toEqual([400, 20001]);
	});

	test.each([
		['DateCreated=2026-10-02', ['d2']],
		['DateCreated<=2026-10-02', ['d2', 'd1']],
		['DateCreated%3C=2026-10-01', ['d1']],
		['DateCreated>=2026-10-02', ['d3', 'd2']],
		['DateCreated>=2026-10-02&DateCreated<=2026-10-02', ['d2']],
		['DateUpdated=2026-10-03', ['d3', 'd1']],
		['DateUpdated<=2026-10-02', ['d2']],
		['DateUpdated>=2026-10-03', ['d3', 'd1']],
		['FriendlyName=d2&DateCreated=2026-10-02', ['d2']],
		['FriendlyName=d2&DateCreated=2026-10-03', []],
		['Status=completed&DateCreated=2026-10-02', ['over']],
	])('%s', async (query, expected) => {
		const sim = await seeded();
		expect(names(await list(sim, query))).toEqual(expected);
	});

	test.each(['DateCreated=2026-10-32', 'DateUpdated>=10/02/2026', 'DateCreated<=2026-1-2', 'DateCreated=2026-02-30'])(
		'%s is a 400',
		async (query) => {
			const sim = await seeded();
			expect(await codeOf(list(sim, query))).toEqual([400, 20001]);
		},
	);

	test('filters travel with the paging links', async () => {
		const sim = await seeded();
		const first = await list(sim, 'DateCreated>=2026-10-01&PageSize=2');
		expect(names(first)).toEqual(['d3', 'd2']);
		expect(first.json.next_page_uri).toContain('DateCreated%3E=2026-10-01');
		const next = await call(sim, 'GET', first.json.next_page_uri);
		expect(names(next)).toEqual(['d1']);
	});

	test('a conference created by a participant shows once its call has connected', async () => {
		let t = day(5);
		const sim = await start({ now: () => new Date(t), connectAfterMs: 1000 });
		await call(sim, 'POST', participantsPath('fresh'), { form: { From: '+15017122661', To: '+15558675310' } });
		expect(names(await list(sim, ''))).toEqual([]);
		expect(names(await list(sim, 'Status=init'))).toEqual(['fresh']);
		t += 1000;
		expect(names(await list(sim, ''))).toEqual(['fresh']);
	});
});
