/**
 * The simulator's status callbacks, end to end inside n8n's engine: the Twilio Conference node creates
 * participants with the trigger's URL as their callbacks; the simulator posts signed events; the trigger checks
 * them with the account's Auth Token and starts executions. Also: the raw callbacks (order, tokens, retries,
 * signatures checked by the test's own signer) and the refusal of non-loopback receivers.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { runNode } from '../helpers/engine';
import { ACCOUNT_SID, AUTH_TOKEN, credentialsFor, startSimulator } from '../helpers/twilio';
import type { Simulator } from '../helpers/twilio';
import { twilioSignature } from '../helpers/twilioSigner';
import { startTrigger } from '../helpers/webhook';
import { inCreateGroups } from '../helpers/createFields';

interface Delivery {
	event: string;
	url: string;
	params: Record<string, string>;
	idempotencyToken: string;
	attempts: Array<{ status?: number; error?: string }>;
	delivered: boolean;
	refused: string | null;
}
type CallbackSimulator = Simulator & { callbacks: { deliveries: Delivery[]; settled(): Promise<void> } };

const EVENTS = [
	'conference-start',
	'conference-end',
	'participant-join',
	'participant-leave',
	'participant-mute',
	'participant-unmute',
	'participant-hold',
	'participant-unhold',
	'call-initiated',
	'call-ringing',
	'call-answered',
	'call-completed',
	'recording-in-progress',
	'recording-completed',
];

const until = async (check: () => boolean, ms = 5000) => {
	const end = Date.now() + ms;
	while (!check()) {
		if (Date.now() > end) throw new Error('timed out waiting');
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
};

describe('simulator status callbacks into the trigger', () => {
	let sim: CallbackSimulator;
	beforeEach(async () => {
		sim = (await startSimulator({ connectAfterMs: 30, callbackRetryMs: 20 })) as CallbackSimulator;
	});
	afterEach(async () => await sim.close());

	it('conference, call and recording events of a call start executions, in order, each verified', async () => {
		const trigger = await startTrigger({ parameters: { events: EVENTS }, credentials: credentialsFor(sim) });
		try {
			const credentials = credentialsFor(sim);
			const create = async (label: string, extra: object) =>
				await runNode({
					credentials,
					parameters: {
						resource: 'participant',
						operation: 'create',
						conference: "Support O'Brien ☕",
						from: '+15017122661',
						to: '+15558675310',
						...inCreateGroups({ label, ...extra }),
					},
				});
			const agent = await create('agent', {
				conferenceStatusCallback: `${trigger.url}?room=O'Brien`,
				conferenceStatusCallbackEvent: ['start', 'end', 'join', 'leave', 'mute', 'hold'],
				statusCallback: trigger.url,
				statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'],
				record: true,
				recordingStatusCallback: trigger.url,
				recordingStatusCallbackEvent: ['in-progress', 'completed'],
				endConferenceOnExit: true,
			});
			expect(agent.error).toBeUndefined();
			const conference = String(agent.items[0].json.conference_sid);
			await create('customer', {});
			await until(() =>
				trigger.executions.some(
					(items) => items[0].json.event === 'participant-join' && items[0].json.Label === 'customer',
				),
			);
			const update = (participant: string, updateFields: object) =>
				runNode({
					credentials,
					parameters: { resource: 'participant', operation: 'update', conference, participant, updateFields },
				});
			expect((await update('customer', { muted: true })).error).toBeUndefined();
			await update('customer', { hold: true });
			await update('customer', { muted: false, hold: false });
			// A recording shorter than a second ends as "absent" rather than "completed", as Twilio reports it.
			await new Promise((resolve) => setTimeout(resolve, 1100));
			expect(
				(
					await runNode({
						credentials,
						parameters: { resource: 'participant', operation: 'delete', conference, participant: 'agent' },
					})
				).error,
			).toBeUndefined();
			await sim.callbacks.settled();

			const deliveries = sim.callbacks.deliveries;
			expect(deliveries.every((d) => d.delivered && d.attempts.length === 1 && d.attempts[0].status === 204)).toBe(
				true,
			);
			const events = trigger.executions.map((items) => items[0].json);
			const conferenceEvents = events.filter((e) => e.eventFamily === 'conference');
			expect(conferenceEvents.map((e) => `${e.event}${e.Label ? `:${e.Label}` : ''}`)).toEqual([
				'participant-join:agent',
				'conference-start',
				'participant-join:customer',
				'participant-mute:customer',
				'participant-hold:customer',
				'participant-unmute:customer',
				'participant-unhold:customer',
				'participant-leave:agent',
				'participant-leave:customer',
				'conference-end',
			]);
			expect(conferenceEvents.map((e) => e.SequenceNumber)).toEqual(conferenceEvents.map((_, i) => i));
			expect(conferenceEvents.at(-1)).toMatchObject({
				ReasonConferenceEnded: 'participant-with-end-conference-on-exit-kicked',
				FriendlyName: "Support O'Brien ☕",
				ConferenceSid: conference,
			});
			const agentCall = events.filter((e) => e.eventFamily === 'call');
			expect(agentCall.map((e) => e.event)).toEqual([
				'call-initiated',
				'call-ringing',
				'call-answered',
				'call-completed',
			]);
			expect(agentCall.map((e) => e.SequenceNumber)).toEqual([0, 1, 2, 3]);
			expect(events.filter((e) => e.eventFamily === 'recording').map((e) => e.event)).toEqual([
				'recording-in-progress',
				'recording-completed',
			]);
			// The customer subscribed to nothing: its conference events come from the agent's conference callback.
			expect(
				events.filter((e) => e.CallSid && e.eventFamily === 'call' && e.CallSid !== agent.items[0].json.call_sid),
			).toEqual([]);
			expect(new Set(deliveries.map((d) => d.idempotencyToken)).size).toBe(deliveries.length);
		} finally {
			await trigger.close();
		}
	});
});

describe('simulator status callbacks on the wire', () => {
	let sim: CallbackSimulator;
	let receiver: http.Server;
	const received: Array<{ url: string; headers: http.IncomingHttpHeaders; body: string }> = [];
	let failNext = 0;
	let origin = '';
	beforeEach(async () => {
		received.length = 0;
		sim = (await startSimulator({ connectAfterMs: 10, callbackRetryMs: 20 })) as CallbackSimulator;
		receiver = http.createServer((req, res) => {
			let body = '';
			req.on('data', (chunk) => (body += chunk));
			req.on('end', () => {
				received.push({ url: req.url ?? '', headers: req.headers, body });
				res.statusCode = failNext-- > 0 ? 500 : 200;
				res.end();
			});
		});
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
		origin = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
	});
	afterEach(async () => {
		await sim.close();
		await new Promise((resolve) => receiver.close(resolve));
	});

	const createWith = async (form: Record<string, string>) => {
		const response = await fetch(`${sim.url}/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences/room/Participants.json`, {
			method: 'POST',
			headers: {
				Authorization: `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`,
				'Content-Type': 'application/x-www-form-urlencoded',
			},
			body: new URLSearchParams({ From: '+15017122661', To: '+15558675310', ...form }).toString(),
		});
		expect(response.status).toBe(201);
		return (await response.json()) as { call_sid: string };
	};

	it("signs as Twilio does, retries a failed callback once with the same idempotency token, and sends Twilio's default events", async () => {
		failNext = 1;
		await createWith({ ConferenceStatusCallback: `${origin}/hook?a=1` });
		await until(() => sim.callbacks.deliveries.length >= 1);
		await sim.callbacks.settled();
		// Twilio's default conference events are start and end; this conference has started only.
		expect(sim.callbacks.deliveries.map((d) => d.event)).toEqual(['conference-start']);
		expect(received).toHaveLength(2);
		const [first, retry] = received;
		expect(retry.headers['i-twilio-idempotency-token']).toBe(first.headers['i-twilio-idempotency-token']);
		expect(first.headers['content-type']).toBe('application/x-www-form-urlencoded');
		const params = Object.fromEntries(new URLSearchParams(first.body));
		expect(params).toMatchObject({
			AccountSid: ACCOUNT_SID,
			StatusCallbackEvent: 'conference-start',
			FriendlyName: 'room',
			SequenceNumber: '0',
		});
		expect(first.headers['x-twilio-signature']).toBe(twilioSignature(AUTH_TOKEN, `${origin}/hook?a=1`, params));
	});

	it('calls loopback receivers only', async () => {
		await createWith({
			ConferenceStatusCallback: 'http://example.com/hook',
			StatusCallback: 'http://10.0.0.1/hook',
			StatusCallbackEvent: 'initiated',
		});
		await until(() => sim.callbacks.deliveries.length >= 2);
		await sim.callbacks.settled();
		expect(sim.callbacks.deliveries.map((d) => [d.delivered, d.attempts.length, Boolean(d.refused)])).toEqual([
			[false, 0, true],
			[false, 0, true],
		]);
		expect(received).toHaveLength(0);
	});
});
