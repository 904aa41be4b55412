import { groupFor } from '../../nodes/TwilioConference/transport/runGroup';

const tick = async () => await new Promise((resolve) => setTimeout(resolve, 5));
let runs = 0;
const newRun = () => `execution ${++runs}\u0000Twilio Conference`;

describe('RunGroup', () => {
	test('items that start in the same tick form one group; the next tick starts another', async () => {
		const run = newRun();
		const shape = () => ({ continueOnFail: false, expected: 2 });
		const a = groupFor(run, 0, shape);
		expect(groupFor(run, 1, shape)).toBe(a);
		await tick();
		expect(groupFor(run, 0, shape)).not.toBe(a);
	});

	test('the same item index again means the node runs again at the same time: a group of its own', () => {
		const run = newRun();
		const shape = () => ({ continueOnFail: false });
		const first = groupFor(run, 0, shape);
		const second = groupFor(run, 0, shape);
		expect(second).not.toBe(first);
		expect(groupFor(run, 1, shape)).toBe(second);
	});

	test('nothing is ready to send before every item is prepared; the first invalid one in input order is named', async () => {
		const run = newRun();
		const shape = () => ({ continueOnFail: false, expected: 3 });
		const group = groupFor(run, 0, shape);
		groupFor(run, 1, shape);
		groupFor(run, 2, shape);
		let done = false;
		const ready = group.allPrepared().then((invalid) => {
			done = true;
			return invalid;
		});
		group.prepared(2, new Error('item 2 is wrong'));
		group.prepared(0);
		await tick();
		expect(done).toBe(false);
		group.prepared(1, new Error('item 1 is wrong'));
		expect((await ready)?.itemIndex).toBe(1);
	});

	test('an item the engine never started (its expression failed) makes the run incomplete, unless On Error continues', async () => {
		const stop = groupFor(newRun(), 0, () => ({ continueOnFail: false, expected: 2 }));
		const carryOn = groupFor(newRun(), 0, () => ({ continueOnFail: true, expected: 2 }));
		expect(stop.incomplete).toBe(false);
		await tick();
		expect(stop.incomplete).toBe(true);
		expect(carryOn.incomplete).toBe(false);
	});

	test('items take their place in the queue in input order, whatever order they were ready in', async () => {
		const run = newRun();
		const shape = () => ({ continueOnFail: false });
		const group = groupFor(run, 0, shape);
		[1, 2, 3].forEach((i) => groupFor(run, i, shape));
		const order: number[] = [];
		const queue = async (i: number) => {
			await group.turnToQueue(i);
			order.push(i);
			group.queued(i);
		};
		const all = Promise.all([queue(3), queue(1), queue(2), queue(0)]);
		await all;
		expect(order).toEqual([0, 1, 2, 3]);
	});

	test('othersSettled waits for every other item', async () => {
		const run = newRun();
		const shape = () => ({ continueOnFail: false });
		const group = groupFor(run, 0, shape);
		groupFor(run, 1, shape);
		let settled = false;
		const waiting = group.othersSettled(0).then(() => (settled = true));
		await tick();
		expect(settled).toBe(false);
		group.settled(1);
		await waiting;
		expect(settled).toBe(true);
	});
});

test('4000 items prepare and queue in linear time, not N × N', async () => {
	const run = newRun();
	const shape = () => ({ continueOnFail: false });
	const group = groupFor(run, 0, shape);
	for (let i = 1; i < 4000; i++) groupFor(run, i, shape);
	const started = Date.now();
	await Promise.all(
		Array.from({ length: 4000 }, async (_, i) => {
			group.prepared(i);
			await group.allPrepared();
			await group.turnToQueue(i);
			group.queued(i);
		}),
	);
	expect(Date.now() - started).toBeLessThan(500);
});
