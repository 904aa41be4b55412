/**
 * The same faults met by a read (Get, Get Many): it is retried after any passing fault, fails each item with its
 * clear message when the fault does not pass, and a hanging Twilio never holds the node past the request timeout.
 */
import { expectCleanFailure, expectWholeOrError, faultsFile, FAULTS, HANG_TIMEOUT, isHang } from './faults';
import type { Fault } from './faults';

const h = faultsFile('faults-reads');

describe.each(['get', 'getAll'])('%s: a read is retried after any passing fault', (operation) => {
	/**
	 * One item per fault, each reading its own participant (Get) or conference (Get Many), all in one run; the
	 * hang fault in a run of its own, with the short request timeout.
	 */
	async function readEach(faults: Fault[], times: number, maxRetries: number) {
		const conferences = faults.map((f, i) =>
			h.sim.seedConference({ friendlyName: `faults ${operation} ${f.name} ${i} ${Date.now()}` }),
		);
		const one = conferences[0];
		const participants = faults.map(
			(_, i) =>
				h.sim.seedParticipants(operation === 'get' ? one.sid : conferences[i].sid, 2, (j: number) => ({
					label: `reader ${i}-${j}`,
				}))[0],
		);
		faults.forEach(({ fault }, i) => {
			const path =
				operation === 'get'
					? `/Participants/reader%20${i}-0.json`
					: `/Conferences/${conferences[i].sid}/Participants.json`;
			h.sim.inject({ ...fault, path, times });
		});
		const started = Date.now();
		const result = await h.run({
			parameters: {
				resource: 'participant',
				operation,
				conference: operation === 'get' ? one.sid : '={{ $json.conference }}',
				participant: '={{ $json.participant }}',
				returnAll: true,
				options: { maxRetries },
				...(faults.some((f) => isHang(f.fault)) ? { requestOptions: HANG_TIMEOUT } : {}),
			},
			items: faults.map((_, i) => ({ conference: conferences[i].sid, participant: `reader ${i}-0` })),
			credentials: h.credentials,
			continueOnFail: true,
		});
		return { result, participants, conferences, wallMs: Date.now() - started };
	}

	const groups = [FAULTS.filter((f) => !isHang(f.fault)), FAULTS.filter((f) => isHang(f.fault))];

	test.each(groups.map((faults) => [faults.map((f) => f.name).join(', '), faults] as const))(
		'once each (%s): each item recovers on the retry and comes out whole, in order',
		async (_names, faults) => {
			const { result, participants, wallMs } = await readEach(faults, 1, 3);
			const perItem = operation === 'get' ? 1 : 2;
			expect(result.items).toHaveLength(faults.length * perItem);
			faults.forEach(({ name }, i) => {
				const out = result.items.slice(i * perItem, (i + 1) * perItem);
				const sent = h
					.requests()
					.filter((r) =>
						operation === 'get'
							? r.path.endsWith(`/reader%20${i}-0.json`)
							: r.path.includes(String(out[0]?.json.conference_sid)),
					);
				h.record({
					operation,
					fault: name,
					requests: sent.length,
					outcome: out.every((item) => !item.error) ? 'recovered' : 'failed item',
					message: out[0]?.error?.message ?? '',
					wallMs,
				});
				for (const item of out) {
					expect(item.error).toBeUndefined();
					expect(item.pairedItem).toEqual({ item: i });
					expectWholeOrError(item);
				}
				expect(out[0].json.call_sid).toBe(participants[i].call_sid);
				expect(sent.map((r) => r.fault)).toEqual([expect.any(String), null]);
			});
			expect(wallMs).toBeLessThan(5000);
		},
	);

	test.each(groups.map((faults) => [faults.map((f) => f.name).join(', '), faults] as const))(
		'every time (%s): each item fails with its clear message after the retries, and no part of a list comes out',
		async (_names, faults) => {
			const { result, wallMs } = await readEach(faults, 10, 1);
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(faults.length);
			faults.forEach(({ name, message }, i) => {
				const item = result.items[i];
				h.record({
					operation,
					fault: `${name}, every time`,
					requests: 2,
					outcome: 'failed item',
					message: item.error?.message ?? '',
					wallMs,
				});
				expect(item.pairedItem).toEqual({ item: i });
				expect(item.error?.message).toMatch(message);
				expectWholeOrError(item);
			});
			// One try and one retry per item, never more.
			expect(h.requests()).toHaveLength(faults.length * 2);
			expect(wallMs).toBeLessThan(5000);
		},
	);
});

test('a hanging Twilio without a timeout of its own does not hold the node past the request timeout', async () => {
	const conference = h.sim.seedConference({ friendlyName: `hang ${Date.now()}` });
	h.sim.seedParticipants(conference.sid, 1, { label: 'slow' });
	h.sim.inject({ kind: 'hang', ms: 20_000, times: 10 });
	const started = Date.now();
	const result = await h.run({
		parameters: {
			resource: 'participant',
			operation: 'get',
			conference: conference.sid,
			participant: 'slow',
			options: { maxRetries: 1 },
			requestOptions: HANG_TIMEOUT,
		},
		credentials: h.credentials,
	});
	const wallMs = Date.now() - started;
	expectCleanFailure(result, /no answer came within the timeout/);
	expect(h.requests()).toHaveLength(2);
	// Two tries of 300 ms and one back-off of at most 750 ms.
	expect(wallMs).toBeLessThan(3000);
});
