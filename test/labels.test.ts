import { runNode } from './helpers/engine';
import { participantRequests, useSimulator } from './helpers/twilio';

const env = useSimulator();

// Every printable ASCII character but "/", which Twilio does not allow in a label.
const PRINTABLE_ASCII = Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) => String.fromCharCode(0x20 + i))
	.filter((c) => c !== '/')
	.join('');
const NON_ASCII = 'Zoë 会議室 🎧 Ωμέγα — naïve café';
const TRICKY = [
	'a b',
	'#hash',
	'100%',
	'plus+sign',
	'this&that',
	'what?',
	`"quoted" and 'single'`,
	'..',
	'.',
	'%2E',
	'ends.json',
	'x'.repeat(128),
];

const participant = (conference: string, label: string, operation: string, extra: Record<string, unknown> = {}) =>
	runNode({
		parameters: { resource: 'participant', operation, conference, participant: label, ...extra },
		credentials: env.credentials,
	});

describe.each([
	['every printable ASCII character', PRINTABLE_ASCII],
	['non-ASCII text', NON_ASCII],
	...TRICKY.map((label) => [`"${label}"`, label] as [string, string]),
])('a label made of %s', (_name, label) => {
	test('is created, fetched, updated and deleted by that label exactly as typed', async () => {
		const conference = env.sim.seedConference({ friendlyName: `labels ${label}` });
		const created = await runNode({
			parameters: {
				resource: 'participant',
				operation: 'create',
				conference: conference.sid,
				from: '+15017122661',
				to: '+15558675310',
				additionalFields: { label },
			},
			credentials: env.credentials,
		});
		expect(created.error).toBeUndefined();
		expect(participantRequests(env.sim)[0].body.Label).toBe(label);

		const fetched = await participant(conference.sid, label, 'get');
		expect(fetched.items[0].json.label).toBe(label);
		const updated = await participant(conference.sid, label, 'update', { updateFields: { muted: true } });
		expect(updated.items[0].json).toMatchObject({ label, muted: true });
		const deleted = await participant(conference.sid, label, 'delete');
		expect(deleted.items[0].json).toEqual({ deleted: true, conferenceSid: conference.sid, participant: label });

		const byLabel = participantRequests(env.sim).slice(1);
		expect(byLabel.map((r) => r.method)).toEqual(['GET', 'POST', 'DELETE']);
		for (const request of byLabel) {
			expect(request.pathSegments[request.pathSegments.length - 1]).toBe(`${label}.json`);
			expect(request.path.split('/').pop()).toBe(`${encodeURIComponent(label)}.json`);
		}
	});

	test('works as a conference friendly name on Create', async () => {
		const friendlyName = `conf ${label}`;
		const { error } = await runNode({
			parameters: {
				resource: 'participant',
				operation: 'create',
				conference: friendlyName,
				from: '+15017122661',
				to: '+15558675310',
			},
			credentials: env.credentials,
		});
		expect(error).toBeUndefined();
		expect(env.sim.state.conferences.some((c) => c.friendly_name === friendlyName)).toBe(true);
		expect(participantRequests(env.sim)[0].path).toContain(
			`/Conferences/${encodeURIComponent(friendlyName)}/Participants.json`,
		);
	});
});

describe('labels and names Twilio would refuse, or that would change the path, are refused before sending', () => {
	const callSidShaped = 'CA0123456789abcdef0123456789abcdef';
	test.each([
		['a "/"', 'slash/inside', 'may not contain "/"'],
		['"%2F"', 'a%2Fb', 'may not contain "/"'],
		['129 characters', 'x'.repeat(129), 'has at most 128 characters, got 129'],
		['the shape of a Call SID', callSidShaped, 'may not look like a Call SID ("CA" and 32 hexadecimal characters)'],
	])('Label with %s on Create', async (_what, label, problem) => {
		const conference = env.sim.seedConference({ friendlyName: `refused ${Math.random()}` });
		const result = await runNode({
			parameters: {
				resource: 'participant',
				operation: 'create',
				conference: conference.sid,
				from: '+15017122661',
				to: '+15558675310',
				additionalFields: { label },
			},
			credentials: env.credentials,
		});
		expect(result.error?.message).toBe(`Invalid value for "Label" in item 0: a label ${problem}`);
		expect(participantRequests(env.sim)).toEqual([]);
	});

	test.each([
		['a "/"', 'slash/inside', 'may not contain "/"'],
		['129 characters', 'y'.repeat(129), 'has at most 128 characters'],
	])('Participant by label with %s on Get, Update and Delete', async (_what, label, problem) => {
		const conference = env.sim.seedConference({ friendlyName: `refused ${Math.random()}` });
		for (const operation of ['get', 'update', 'delete']) {
			const result = await participant(conference.sid, `=${label}`, operation, { updateFields: { muted: true } });
			expect(result.error?.message).toContain(`Invalid value for "Participant" in item 0: a label ${problem}`);
		}
		expect(participantRequests(env.sim)).toEqual([]);
	});

	test.each(['.', '..'])('conference friendly name %j, which URLs read as a folder step', async (name) => {
		for (const operation of ['create', 'get']) {
			const result = await runNode({
				parameters: {
					resource: 'participant',
					operation,
					conference: { __rl: true, mode: 'name', value: `=${name}` },
					participant: 'pat',
					from: '+15017122661',
					to: '+15558675310',
				},
				credentials: env.credentials,
			});
			expect(result.error?.message).toBe(
				`Invalid value for "Conference" in item 0: "${name}" cannot be a conference name: it would change the request's path`,
			);
		}
		expect(env.sim.requests).toEqual([]);
	});
});
