import { runNode } from './helpers/engine';
import { participantRequests, useSimulator } from './helpers/twilio';

const env = useSimulator();

const PRINTABLE_ASCII = Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) => String.fromCharCode(0x20 + i)).join('');
const NON_ASCII = 'Zoë 会議室 🎧 Ωμέγα — naïve café';
const TRICKY = ['a b', '#hash', '100%', 'plus+sign', 'this&that', 'slash/inside', 'what?', `"quoted" and 'single'`, '..', '.', '%2F', 'ends.json'];

const participant = (conference: string, label: string, operation: string, extra: Record<string, unknown> = {}) =>
	runNode({ parameters: { resource: 'participant', operation, conference, participant: label, ...extra }, credentials: env.credentials });

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
				options: { callsPerSecond: 30 },
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
			parameters: { resource: 'participant', operation: 'create', conference: friendlyName, from: '+15017122661', to: '+15558675310', options: { callsPerSecond: 30 } },
			credentials: env.credentials,
		});
		expect(error).toBeUndefined();
		expect(env.sim.state.conferences.some((c) => c.friendly_name === friendlyName)).toBe(true);
		expect(participantRequests(env.sim)[0].path).toContain(`/Conferences/${encodeURIComponent(friendlyName)}/Participants.json`);
	});
});
