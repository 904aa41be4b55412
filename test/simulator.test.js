'use strict';
// Tests for the local Twilio Conference simulator (simulator/). Every request
// goes to 127.0.0.1 only.

const { parseTwilioForm, twilioError } = require('../simulator');
const {
	ACCOUNT,
	TOKEN,
	base,
	useSimulators,
	call,
	create,
	participantsPath,
	participantPath,
} = require('./helpers/simulator-client');

const RFC2822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$/;
// Every printable ASCII character but '/', which a label may not hold, and some text beyond ASCII.
const LABEL =
	Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i))
		.filter((c) => c !== '/')
		.join('') + ' Zürich – 日本語 🎧';

const start = useSimulators();

describe('helpers', () => {
	test('parseTwilioForm decodes +, percent escapes and repeated keys', () => {
		expect(parseTwilioForm('A=1&B=x+y%26z&A=2&C&E%5B%5D=q&D=%E2%9C%93')).toEqual({
			A: ['1', '2'],
			B: 'x y&z',
			C: '',
			'E[]': 'q',
			D: '✓',
		});
		expect(parseTwilioForm('')).toEqual({});
	});

	test('twilioError builds the Twilio error shape', () => {
		expect(twilioError(404, 20404, 'gone')).toEqual({
			code: 20404,
			message: 'gone',
			more_info: 'https://www.twilio.com/docs/errors/20404',
			status: 404,
		});
		expect(twilioError(429).code).toBe(20429);
	});
});

describe('auth and account', () => {
	test('account fetch with the auth token', async () => {
		const sim = await start();
		expect(sim.url).toBe(`http://127.0.0.1:${sim.port}`);
		const r = await call(sim, 'GET', `${base}.json`);
		expect(r.status).toBe(200);
		expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
		expect(r.json).toMatchObject({ sid: ACCOUNT, status: 'active', type: 'Full', uri: `${base}.json` });
		expect(r.json.date_created).toMatch(RFC2822);
		expect(sim.requests[0].authUser).toBe(ACCOUNT);
	});

	test.each([
		['no header', null],
		['wrong token', [ACCOUNT, 'nope']],
		['unknown key', ['SK' + 'b'.repeat(32), TOKEN]],
	])('401 with %s', async (_name, auth) => {
		const sim = await start();
		const r = await call(sim, 'GET', `${base}/Conferences.json`, { auth });
		expect(r.status).toBe(401);
		expect(r.headers.get('www-authenticate')).toBe('Basic realm="Twilio API"');
		expect(r.json).toEqual({
			code: 20003,
			message: 'Authenticate',
			more_info: 'https://www.twilio.com/docs/errors/20003',
			status: 401,
		});
	});

	test('404 for another account, unknown routes and bad conference SIDs', async () => {
		const sim = await start();
		const other = '/2010-04-01/Accounts/AC' + 'f'.repeat(32);
		for (const path of [
			`${other}.json`,
			`${other}/Conferences.json`,
			`${base}/Calls.json`,
			`${base}/Conferences/CF${'0'.repeat(32)}.json`,
			`${base}/Conferences/not-a-sid/Participants.json`,
			`${base}/Conferences/CF${'0'.repeat(32)}/Participants/CA${'0'.repeat(32)}.json`,
		]) {
			const r = await call(sim, 'GET', path);
			expect([path, r.status, r.json.code]).toEqual([path, 404, 20404]);
			expect(r.json.more_info).toBe('https://www.twilio.com/docs/errors/20404');
		}
		expect(sim.stats().byStatus[404]).toBe(6);
	});
});

describe('participant create', () => {
	test('friendly name creates a conference, a second create joins it', async () => {
		const sim = await start();
		const a = await create(sim, 'Room #1 & co', { Label: 'alice' });
		expect(a.status).toBe(201);
		expect(a.json).toMatchObject({ account_sid: ACCOUNT, status: 'queued', queue_time: '0', label: 'alice' });
		expect(a.json.call_sid).toMatch(/^CA[0-9a-f]{32}$/);
		expect(a.json.conference_sid).toMatch(/^CF[0-9a-f]{32}$/);
		expect(a.json.date_created).toMatch(RFC2822);
		const b = await create(sim, 'Room #1 & co');
		expect(b.status).toBe(201);
		expect(b.json.conference_sid).toBe(a.json.conference_sid);
		expect(b.json.label).toBeNull();
		expect(sim.state.conferences).toHaveLength(1);
		expect(sim.state.conferences[0].friendly_name).toBe('Room #1 & co');
		// Creating by SID joins the same conference.
		const c = await create(sim, a.json.conference_sid);
		expect(c.json.conference_sid).toBe(a.json.conference_sid);
		// Its participants are still being dialled, so the conference has not started yet.
		const list = await call(
			sim,
			'GET',
			`${base}/Conferences.json?Status=init&FriendlyName=${encodeURIComponent('Room #1 & co')}`,
		);
		expect(list.json.conferences.map((x) => x.sid)).toEqual([a.json.conference_sid]);
	});

	test('repeated keys become arrays; bracketed keys are unknown and ignored', async () => {
		const sim = await start();
		const r = await create(sim, 'events', {
			StatusCallbackEvent: ['initiated', 'answered'],
			ConferenceStatusCallbackEvent: 'start end join',
			'StatusCallbackEvent[]': 'ringing',
			Unknown: 'x',
		});
		expect(r.status).toBe(201);
		const entry = sim.requests.at(-1);
		expect(entry.body.StatusCallbackEvent).toEqual(['initiated', 'answered']);
		expect(entry.body['StatusCallbackEvent[]']).toBe('ringing');
		expect(entry.path).toBe(`${base}/Conferences/events/Participants.json`);
		expect(entry.contentType).toBe('application/x-www-form-urlencoded');
		const { params } = sim.state.participants[0];
		expect(params.StatusCallbackEvent).toEqual(['initiated', 'answered']);
		expect(params.ConferenceStatusCallbackEvent).toEqual(['start', 'end', 'join']);
		expect(params.ignored).toEqual(['StatusCallbackEvent[]', 'Unknown']);
	});

	test.each([
		[{ From: '' }, 21603, 'From'],
		[{ To: undefined }, 21604, 'To'],
		[{ Timeout: '4' }, 20001, 'Timeout'],
		[{ Timeout: '60s' }, 20001, 'Timeout'],
		[{ MaxParticipants: '251' }, 20001, 'MaxParticipants'],
		[{ Muted: 'True' }, 20001, 'Muted'],
		[{ Beep: 'sometimes' }, 20001, 'Beep'],
		[{ StatusCallbackMethod: 'get' }, 20001, 'StatusCallbackMethod'],
		[{ StatusCallbackEvent: ['initiated', 'bogus'] }, 20001, 'StatusCallbackEvent'],
		[{ Region: 'eu1' }, 20001, 'Region'],
		[{ CallSidToCoach: 'CA123' }, 20001, 'CallSidToCoach'],
		[{ Coaching: 'true' }, 20001, 'CallSidToCoach'],
		[{ Byoc: 'BY' + 'z'.repeat(32) }, 20001, 'Byoc'],
		[{ CallerDisplayName: 'A' }, 20001, 'CallerDisplayName'],
		[{ MachineDetectionSpeechThreshold: '999' }, 20001, 'MachineDetectionSpeechThreshold'],
		[{ EmergencyCountry: 'MX' }, 20001, 'EmergencyCountry'],
		[{ StatusCallback: 'not a url' }, 21205, 'StatusCallback'],
		[{ Muted: ['true', 'false'] }, 20001, 'Muted'],
	])('400 for %j', async (extra, code, name) => {
		const sim = await start();
		const form = { From: '+15005550006', To: '+15005550001', ...extra };
		for (const k of Object.keys(form)) if (form[k] === undefined) delete form[k];
		const r = await call(sim, 'POST', participantsPath('v'), { form });
		expect(r.status).toBe(400);
		expect(r.json.code).toBe(code);
		expect(r.json.message).toContain(name);
		expect(sim.state.participants).toHaveLength(0);
	});

	test('accepted edge values, non-form bodies and duplicate labels', async () => {
		const sim = await start();
		const ok = await create(sim, 'edges', {
			Timeout: '5',
			MaxParticipants: '250',
			Beep: 'onExit',
			Coaching: 'true',
			CallSidToCoach: 'CA' + 'A'.repeat(32),
			StatusCallbackEvent: 'initiated ringing',
			Label: 'dup',
		});
		expect(ok.status).toBe(201);
		expect(ok.json).toMatchObject({ coaching: true, call_sid_to_coach: 'CA' + 'A'.repeat(32) });
		const dup = await create(sim, 'edges', { Label: 'dup' });
		expect([dup.status, dup.json.code]).toEqual([400, 16026]);
		const json = await call(sim, 'POST', participantsPath('edges'), {
			body: JSON.stringify({ From: '+1', To: '+2' }),
			headers: { 'Content-Type': 'application/json' },
		});
		expect([json.status, json.json.code]).toEqual([400, 20001]);
		expect(sim.state.participants).toHaveLength(1);
	});

	test('status moves on to connected after connectAfterMs of real time', async () => {
		const sim = await start({ connectAfterMs: 80 });
		const r = await create(sim, 'timing');
		expect(r.json.status).toBe('queued');
		const path = participantPath(r.json.conference_sid, r.json.call_sid);
		expect((await call(sim, 'GET', path)).json.status).toMatch(/^(connecting|ringing)$/);
		await new Promise((resolve) => setTimeout(resolve, 120));
		const later = await call(sim, 'GET', path);
		expect(later.json.status).toBe('connected');
		expect(later.json.queue_time).toBeNull();
		const conf = await call(sim, 'GET', `${base}/Conferences/${r.json.conference_sid}.json`);
		expect(conf.json.status).toBe('in-progress');
	});
});

describe('participant fetch, update, delete', () => {
	test.each([
		['call SID', false],
		['label with all printable ASCII and non-ASCII text', true],
	])('by %s', async (_name, byLabel) => {
		const sim = await start();
		const created = await create(sim, 'ops', { Label: LABEL });
		expect(created.json.label).toBe(LABEL);
		const conf = created.json.conference_sid;
		const key = byLabel ? LABEL : created.json.call_sid;
		const path = participantPath(conf, key);

		const got = await call(sim, 'GET', path);
		expect(got.status).toBe(200);
		expect(got.json.call_sid).toBe(created.json.call_sid);
		expect(sim.requests.at(-1).pathSegments.at(-1)).toBe(`${key}.json`);

		const upd = await call(sim, 'POST', path, { form: { Muted: 'true', Hold: 'true', HoldUrl: 'https://x.test/h' } });
		expect(upd.status).toBe(200);
		expect(upd.json).toMatchObject({ muted: true, hold: true, label: LABEL });
		const bad = await call(sim, 'POST', path, { form: { HoldMethod: 'PUT' } });
		expect([bad.status, bad.json.code]).toEqual([400, 20001]);
		const coach = await call(sim, 'POST', path, { form: { Coaching: 'true' } });
		expect(coach.status).toBe(400);

		// A double-encoded key is a different resource.
		const twice = await call(sim, 'GET', participantPath(conf, encodeURIComponent(key)));
		expect(twice.status).toBe(byLabel ? 404 : 200);

		const del = await call(sim, 'DELETE', path);
		expect(del.status).toBe(204);
		expect(del.text).toBe('');
		const gone = await call(sim, 'GET', path);
		expect([gone.status, gone.json.code]).toEqual([404, 20404]);
		const ended = sim.state.conferences[0];
		expect(ended).toMatchObject({ status: 'completed', reason_conference_ended: 'last-participant-kicked' });
	});
});
