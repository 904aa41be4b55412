/**
 * Faults between n8n and Twilio met by a change (Create, Update, Delete): 5xx with and without Retry-After, a
 * reset connection, a request that times out, malformed JSON, an HTML page, an empty body. A change is sent again
 * only when Twilio certainly did not act on it; otherwise the item fails with a clear message. The node never
 * hangs, never throws past the engine, never emits a half-built item, and never makes a participant twice.
 */
import { expectCleanFailure, expectWholeOrError, faultsFile, FAULTS, HANG_TIMEOUT, isHang } from './faults';
import { targetOf } from './harness';

const h = faultsFile('faults-changes');

describe.each(['create', 'update', 'delete'])(
	'%s: a change is only sent again when Twilio certainly did not act',
	(operation) => {
		test.each(FAULTS)('$name', async ({ name, fault, notActedOn, message }) => {
			const { conference, parameters } = targetOf(h.sim, `faults ${operation} ${name} ${Date.now()}`, operation, {
				additionalFields: { label: 'added' },
				updateFields: { muted: true },
				...(isHang(fault) ? { requestOptions: HANG_TIMEOUT } : {}),
			});
			h.sim.inject({ ...fault, method: operation === 'delete' ? 'DELETE' : 'POST', times: 1 });
			const started = Date.now();
			const result = await h.run({
				parameters,
				credentials: h.credentials,
			});
			const wallMs = Date.now() - started;
			const sent = h.requests();
			const after = h.sim.state.participants.filter((p) => p.conference_sid === conference.sid);
			h.record({
				operation,
				fault: name,
				requests: sent.length,
				outcome: result.error ? 'failed item' : 'recovered',
				message: result.error?.message ?? '',
				wallMs,
			});

			if (notActedOn) {
				// Retried once, and the one retry did the work exactly once.
				expect(result.error).toBeUndefined();
				expect(sent.map((r) => r.fault)).toEqual([(fault as { kind: string }).kind, null]);
				expect(result.items).toHaveLength(1);
				expectWholeOrError(result.items[0], operation === 'delete' ? ['deleted'] : undefined);
				expect(result.items[0].pairedItem).toEqual({ item: 0 });
			} else {
				// Twilio may have acted: sent once, failed with a clear message, nothing made twice.
				expect(sent).toHaveLength(1);
				expectCleanFailure(result, message);
				// The description says the change may have been made, so that running again is a choice, not a reflex.
				expect(result.error?.description).toMatch(/check before running (it )?again/);
			}
			const expectedCount = { create: notActedOn ? 2 : 1, update: 1, delete: notActedOn ? 0 : 1 }[operation];
			expect(after).toHaveLength(expectedCount ?? -1);
			expect(wallMs).toBeLessThan(5000);
		});

		test('a fault that does not pass: 503 every time fails after the retries, with the status', async () => {
			const conference = h.sim.seedConference({ friendlyName: `faults ${operation} persistent ${Date.now()}` });
			h.sim.seedParticipants(conference.sid, 1, { label: 'target' });
			h.sim.inject({ kind: 'status', status: 503, headers: { 'Retry-After': '0' }, times: 10 });
			const result = await h.run({
				parameters: {
					resource: 'participant',
					operation,
					conference: operation === 'create' ? conference.friendly_name : conference.sid,
					participant: 'target',
					from: '+15017122661',
					to: '+15558675310',
					updateFields: { muted: true },
					options: { maxRetries: 2 },
				},
				credentials: h.credentials,
			});
			expect(h.requests()).toHaveLength(3);
			expectCleanFailure(result, /^Twilio had a problem on its side \(503\)$/);
			h.record({
				operation,
				fault: '503 + Retry-After: 0, every time',
				requests: 3,
				outcome: 'failed item',
				message: result.error?.message ?? '',
				wallMs: '-',
			});
		});
	},
);
