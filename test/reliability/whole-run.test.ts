/**
 * Live calls are money and people. With On Error set to stop: every item is checked before the first request
 * leaves, so a bad row dials nobody; once Twilio refuses an item, items not yet sent are not sent, and the error
 * names the calls already placed; Stop sends nothing more. With Continue On Fail every item is judged alone.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { credentialsFor, participantRequests, startSimulator } from '../helpers/twilio';
import type { Simulator } from '../helpers/twilio';
import { reliability } from './harness';

const h = reliability('whole-run');

const callers = (n: number, override: (i: number) => IDataObject = () => ({})) =>
	Array.from({ length: n }, (_, i) => ({ to: `+1555${1000000 + i}`, label: `caller ${i}`, ...override(i) }));

function dialIn(conference: string, options: IDataObject = {}) {
	return {
		resource: 'participant',
		operation: 'create',
		conference,
		from: '+15017122661',
		to: '={{ $json.to }}',
		additionalFields: { label: '={{ $json.label }}', timeout: '={{ $json.timeout ?? 60 }}' },
		options,
	};
}

const posts = (sim: Simulator) => participantRequests(sim).filter((r) => r.method === 'POST');
const paired = (items: INodeExecutionData[]) =>
	items.map((item) => [(item.pairedItem as { item: number }).item, item.error ? 'error' : 'ok']);

describe('a bad row dials nobody', () => {
	test('one invalid item of five: no call is placed, and the error names the field and the item', async () => {
		const result = await h.run({
			parameters: dialIn('bad row room'),
			items: callers(5, (i) => (i === 3 ? { timeout: 2 } : {})),
			credentials: h.credentials,
		});
		expect(result.error?.message).toBe(
			'Invalid value for "Timeout" in item 3: expected a whole number from 5 to 600, got 2',
		);
		expect(result.error?.description).toContain(
			'one item that fails its checks stops every item of the run before any request leaves',
		);
		expect(posts(h.sim)).toEqual([]);
		h.record({ case: 'create x5, item 3 invalid, On Error stop', in: 5, sent: 0, out: 0 });
	});

	test('an item whose expression cannot be evaluated stops the others too', async () => {
		const parameters = { ...dialIn('expression room'), to: '={{ $json.phone.number }}' };
		const items = [
			{ phone: { number: '+15551000000' } },
			{ phone: { number: '+15551000001' } },
			{},
			{ phone: { number: '+15551000003' } },
		];
		const result = await h.run({ parameters, items, credentials: h.credentials });
		expect(result.error).toBeDefined();
		expect(posts(h.sim)).toEqual([]);
	});

	test('Execute Once: the node runs for the first item only, and that is not mistaken for a missing item', async () => {
		const conference = h.sim.seedConference({ friendlyName: 'once room' });
		h.sim.seedParticipants(conference.sid, 1, { label: 'once' });
		const result = await h.run({
			parameters: {
				resource: 'participant',
				operation: 'update',
				conference: conference.sid,
				participant: 'once',
				updateFields: { muted: true },
			},
			items: [{}, {}, {}],
			executeOnce: true,
			credentials: h.credentials,
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(h.requests()).toHaveLength(1);
	});

	test('with Continue On Fail the valid items are placed and the invalid one is an error item, all paired', async () => {
		const result = await h.run({
			parameters: dialIn('carry on room'),
			items: callers(5, (i) => (i === 3 ? { timeout: 2 } : {})),
			credentials: h.credentials,
			continueOnFail: true,
		});
		expect(paired(result.items)).toEqual([
			[0, 'ok'],
			[1, 'ok'],
			[2, 'ok'],
			[3, 'error'],
			[4, 'ok'],
		]);
		expect(posts(h.sim)).toHaveLength(4);
		h.record({ case: 'create x5, item 3 invalid, Continue On Fail', in: 5, sent: 4, out: 5 });
	});
});

describe('when Twilio refuses one item after others were placed', () => {
	test('the items not yet sent are not sent, and the error lists the Call SIDs already placed', async () => {
		const sim = await startSimulator({ latencyMs: 20 });
		try {
			// "nobody" is no caller ID: Twilio refuses item 2 with 21212. One request at a time makes the order certain.
			const parameters = {
				...dialIn('refused room', { maxRequestsInFlight: 1 }),
				from: '={{ $json.from ?? "+15017122661" }}',
			};
			const result = await h.run({
				parameters,
				items: callers(5, (i) => (i === 2 ? { from: 'nobody' } : {})),
				credentials: credentialsFor(sim),
			});
			const sent = posts(sim);
			expect(sent.map((r) => r.body.Label)).toEqual(['caller 0', 'caller 1', 'caller 2']);
			const placed = sim.state.participants.map((p) => p.call_sid as string);
			expect(placed).toHaveLength(2);
			expect(result.error?.message).toMatch(/^Twilio rejected the request: /);
			expect(result.error?.description).toContain(`item 0: ${placed[0]}, item 1: ${placed[1]}`);
			expect(result.error?.description).toContain('Items not sent: 3, 4.');
			h.record({ case: 'create x5, Twilio refuses item 2, one in flight', in: 5, sent: 3, out: 0 });
		} finally {
			await sim.close();
		}
	});

	test('calls in flight when the refusal comes are waited for and listed too', async () => {
		const sim = await startSimulator({ latencyMs: 50 });
		try {
			const parameters = { ...dialIn('in flight room'), from: '={{ $json.from ?? "+15017122661" }}' };
			const result = await h.run({
				parameters,
				items: callers(4, (i) => (i === 0 ? { from: 'nobody' } : {})),
				credentials: credentialsFor(sim),
			});
			const placed = sim.state.participants.map((p) => p.call_sid as string);
			expect(posts(sim)).toHaveLength(4);
			expect(placed).toHaveLength(3);
			for (const callSid of placed) expect(result.error?.description).toContain(callSid);
		} finally {
			await sim.close();
		}
	});
});

describe('Stop', () => {
	test('stopping the execution sends no request that has not left yet', async () => {
		const sim = await startSimulator({ latencyMs: 100 });
		try {
			let stop!: () => void;
			const running = h.run({
				parameters: dialIn('stopped room', { maxRequestsInFlight: 1 }),
				items: callers(20),
				credentials: credentialsFor(sim),
				onStart: (cancel) => (stop = cancel),
			});
			await new Promise((resolve) => setTimeout(resolve, 350));
			stop();
			const atStop = posts(sim).length;
			await running;
			await new Promise((resolve) => setTimeout(resolve, 400));
			// At most the one request already on its way when Stop came.
			expect(posts(sim).length).toBeLessThanOrEqual(atStop + 1);
			expect(posts(sim).length).toBeLessThan(8);
			h.record({ case: 'create x20, one in flight, Stop after 350 ms', in: 20, sent: posts(sim).length, out: '-' });
		} finally {
			await sim.close();
		}
	});
});
