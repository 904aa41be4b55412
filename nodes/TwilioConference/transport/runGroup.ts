/**
 * The items of one run of the node, seen together.
 *
 * n8n's engine hands a declarative node's items to the request loop one by one, all in the same tick, and then
 * waits for all of them. A group gathers the items that start in the same tick (every item of the run, or of one
 * batch when the node's batching option spaces them out), so that:
 * - every item is prepared and checked before the first request of the group leaves; with On Error set to stop,
 *   one invalid item means nothing is sent at all, so a bad row dials nobody;
 * - requests then queue for the account's limiter in input order;
 * - once one item has failed at Twilio (On Error stop), items not yet sent are not sent, and the failure says
 *   which calls the others did place, so a rerun need not dial them twice;
 * - items naming the same conference by friendly name share one look-up, made afresh for every run.
 */
import { sleep } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

export interface Placed {
	itemIndex: number;
	callSid: string;
}

export interface GroupShape {
	/** How many items the engine will start in this tick, when it can be known. */
	expected?: number;
	/** Whether the node's On Error setting continues: then a missing item is already an error item. */
	continueOnFail: boolean;
}

interface Member {
	prepared: Promise<void>;
	markPrepared: () => void;
	failedEarly?: Error;
	settled: Promise<void>;
	markSettled: () => void;
	queued: Promise<void>;
	markQueued: () => void;
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
	let resolve!: () => void;
	const promise = new Promise<void>((done) => (resolve = done));
	return { promise, resolve };
}

export class RunGroup {
	private readonly members = new Map<number, Member>();

	private open = true;

	private readonly closed = deferred();

	constructor(private readonly shape: GroupShape) {}

	/** The first item Twilio (or the network) refused while On Error is stop; later items are not sent. */
	stoppedBy?: { itemIndex: number; error: Error };

	readonly placed: Placed[] = [];

	readonly notSent: number[] = [];

	/**
	 * The credential as the run's first item read it, with its secrets: the same for every item of the run,
	 * as n8n's routing itself reads it once per run.
	 */
	credentials?: Promise<{ data: ICredentialDataDecryptedObject; secrets: string[] }>;

	/** Friendly-name look-ups of this run, by account and name. */
	readonly lookups = new Map<string, Promise<string>>();

	has(itemIndex: number): boolean {
		return this.members.has(itemIndex);
	}

	get isOpen(): boolean {
		return this.open;
	}

	join(itemIndex: number): void {
		const prepared = deferred();
		const settled = deferred();
		const queued = deferred();
		this.members.set(itemIndex, {
			prepared: prepared.promise,
			markPrepared: prepared.resolve,
			settled: settled.promise,
			markSettled: settled.resolve,
			queued: queued.promise,
			markQueued: queued.resolve,
		});
	}

	close(): void {
		this.open = false;
		this.closed.resolve();
	}

	/**
	 * Whether an item the engine meant to start never came: its parameters failed to evaluate. With On Error
	 * stop the whole run has then already failed, and nothing of it may be sent.
	 */
	get incomplete(): boolean {
		return (
			!this.open &&
			this.shape.expected !== undefined &&
			this.members.size < this.shape.expected &&
			!this.shape.continueOnFail
		);
	}

	/** The item is checked and ready to send, or failed its checks with `error`. */
	prepared(itemIndex: number, error?: Error): void {
		const member = this.members.get(itemIndex);
		if (!member) return;
		member.failedEarly = error;
		member.markPrepared();
	}

	/** The item's request has ended one way or another. */
	settled(itemIndex: number): void {
		this.members.get(itemIndex)?.markSettled();
	}

	/** Waits for every item of the group to be prepared; returns the first invalid one, in input order. */
	async allPrepared(): Promise<{ itemIndex: number; error: Error } | undefined> {
		// One wait for the whole group, shared by its items: a wait of its own per item would cost N × N.
		this.everyonePrepared ??= (async () => {
			await this.closed.promise;
			await Promise.all([...this.members.values()].map(async (member) => await member.prepared));
			for (const itemIndex of this.inOrder()) {
				const { failedEarly } = this.members.get(itemIndex)!;
				if (failedEarly) return { itemIndex, error: failedEarly };
			}
			return undefined;
		})();
		return await this.everyonePrepared;
	}

	private everyonePrepared?: Promise<{ itemIndex: number; error: Error } | undefined>;

	private previous?: Map<number, Member | undefined>;

	/** The members' item indexes in input order, worked out once the group is closed. */
	private inOrder(): number[] {
		return [...this.members.keys()].sort((a, b) => a - b);
	}

	/** The item has taken its place in the account's queue, or will not send at all. */
	queued(itemIndex: number): void {
		this.members.get(itemIndex)?.markQueued();
	}

	/** Waits until the item before this one (in input order) has taken its place in the queue. */
	async turnToQueue(itemIndex: number): Promise<void> {
		if (!this.previous) {
			this.previous = new Map();
			let before: Member | undefined;
			for (const index of this.inOrder()) {
				this.previous.set(index, before);
				before = this.members.get(index);
			}
		}
		await this.previous.get(itemIndex)?.queued;
	}

	/** Waits until every other item's request has ended, so that what they placed is known. */
	async othersSettled(itemIndex: number): Promise<void> {
		const others = [...this.members.entries()].filter(([index]) => index !== itemIndex);
		await Promise.all(others.map(async ([, member]) => await member.settled));
	}
}

const MAX_OPEN = 1000;
const openGroups = new Map<string, RunGroup>();

/**
 * The group an item belongs to: the open one of this execution and node, unless that one already holds this
 * item index (then the node is running again at the same time, as an AI agent may call a tool twice at once).
 * Groups close when the tick that opened them ends; only open groups are remembered here.
 */
export function groupFor(runKey: string, itemIndex: number, shape: () => GroupShape): RunGroup {
	let group = openGroups.get(runKey);
	if (!group || !group.isOpen || group.has(itemIndex)) {
		if (openGroups.size >= MAX_OPEN) openGroups.clear();
		const created = new RunGroup(shape());
		openGroups.set(runKey, created);
		void sleep(0).then(() => {
			created.close();
			if (openGroups.get(runKey) === created) openGroups.delete(runKey);
		});
		group = created;
	}
	group.join(itemIndex);
	return group;
}
