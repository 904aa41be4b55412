/**
 * The node's request loop: every operation's request goes through here (declared as the operation's routing
 * `operations.pagination`, the engine's one hook that wraps the HTTP call itself).
 *
 * Contract, for each input item:
 * 1. The item joins its run's group (see runGroup.ts) before anything is awaited, then is prepared: its values
 *    are checked and its path and form body built (requests.ts). Nothing is sent while any item of the group is
 *    still being prepared; with On Error stop, an invalid item means no item is sent.
 * 2. Requests queue in input order for the account's limit on requests in flight (limiter.ts), and are retried
 *    only when that is safe (retry.ts). Stopping the execution sends nothing more.
 * 3. Get Many follows Twilio's pages (paging.ts) until the limit or the last page.
 * 4. The output is paired with its input item and holds no secret; an error likewise, with Continue On Fail as
 *    an error item in the output.
 */
import { NodeOperationError } from 'n8n-workflow';
import type {
	DeclarativeRestApiSettings,
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecutePaginationFunctions,
	INode,
	INodeExecutionData,
} from 'n8n-workflow';

import { credentialSecrets, redact, redactError } from '../helpers/errors';
import type { Prepared } from '../helpers/requests';
import { CREDENTIAL_NAME } from '../helpers/transport';
import { limiterFor } from './limiter';
import { readPages } from './readPages';
import { groupFor } from './runGroup';
import type { RunGroup } from './runGroup';
import { sendWithRetries } from './send';
import type { SendPolicy } from './send';
import { requestSettings } from './settings';

type RequestOptions = DeclarativeRestApiSettings.HttpRequestOptions;

export interface OperationShape {
	/** Repeating the request changes nothing at Twilio. */
	readOnly: boolean;
	/** The request dials someone: the Call SIDs it placed are kept for a failure's report. */
	placesCall?: boolean;
	/** The list key of a paged answer (Get Many). */
	listKey?: string;
	/** Builds the path and body and checks every value; throws naming the field and the item. */
	prepare: (
		this: IExecutePaginationFunctions,
		credentials: ICredentialDataDecryptedObject,
		options: RequestOptions,
		lookups: Lookups,
	) => Promise<Prepared>;
	/** Shapes the output from Twilio's answer (Simplify, Delete's summary). */
	output?: (this: IExecutePaginationFunctions, items: INodeExecutionData[], prepared: Prepared) => INodeExecutionData[];
}

/** Look-ups an item makes while it is prepared, sent under the same rules as its own request. */
export interface Lookups {
	group: RunGroup;
	policy: (readOnly: boolean) => SendPolicy;
}

/** The run an item belongs to: its execution and node (a node runs once at a time per execution). */
function runKeyOf(context: IExecutePaginationFunctions, node: INode): string {
	return `${context.getExecutionId()}\u0000${node.name}`;
}

/** The run's credential, read once per group; an item whose shared read failed reads it itself, for its own error. */
async function credentialsOf(
	context: IExecutePaginationFunctions,
	group: RunGroup,
): Promise<{ data: ICredentialDataDecryptedObject; secrets: string[] }> {
	const read = async () => {
		const data = await context.getCredentials(CREDENTIAL_NAME);
		return { data, secrets: credentialSecrets(data) };
	};
	group.credentials ??= read();
	return await group.credentials.catch(read);
}

/**
 * How many items the engine starts in one tick: all of its input (only the first with Execute Once), or one
 * batch when batching spaces them out. Read from the node's input as the engine itself reads it.
 */
function expectedItems(context: IExecutePaginationFunctions): number | undefined {
	// Execute Once: the engine starts the first item only, while n8n 1.x's $input still lists every input item.
	if (context.getNode().executeOnce === true) return 1;
	try {
		const input = context.getExecuteData().data;
		const items = input.main?.[0] ?? input.ai_tool?.[0];
		if (!Array.isArray(items)) return undefined;
		const total = context.getNode().executeOnce ? Math.min(1, items.length) : items.length;
		const batch = context.getNodeParameter('requestOptions.batching.batch', {}) as {
			batchSize?: number;
			batchInterval?: number;
		};
		const size = (batch.batchInterval ?? 0) > 0 && (batch.batchSize ?? 0) > 0 ? Number(batch.batchSize) : total;
		const first = Math.floor(context.getItemIndex() / size) * size;
		return total > context.getItemIndex() ? Math.min(size, total - first) : undefined;
	} catch {
		return undefined;
	}
}

function notSentBecause(
	context: IExecutePaginationFunctions,
	cause: { itemIndex: number; error: Error },
): NodeOperationError {
	const itemIndex = context.getItemIndex();
	return new NodeOperationError(
		context.getNode(),
		`Item ${itemIndex} was not sent: item ${cause.itemIndex} failed first (${cause.error.message})`,
		{
			itemIndex,
			description:
				'With On Error set to stop, the node sends nothing more once one item has failed. Nothing was sent to Twilio for this item.',
		},
	);
}

export function requestLoop(shape: OperationShape) {
	return async function runRequest(
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const itemIndex = this.getItemIndex();
		// getNode() copies the whole node: once per item is enough.
		const node = this.getNode();
		const pairedItem = { item: itemIndex };
		const continueOnFail = this.continueOnFail();
		// Joined before the first await: every item of the run joins in the same tick.
		const group = groupFor(runKeyOf(this, node), itemIndex, () => ({ expected: expectedItems(this), continueOnFail }));
		let secrets: string[] = [];
		try {
			let policy!: (readOnly: boolean) => SendPolicy;
			const preparation = (async (): Promise<Prepared> => {
				const credential = await credentialsOf(this, group);
				const credentials = credential.data;
				secrets = credential.secrets;
				const settings = requestSettings(this, credentials);
				policy = (readOnly: boolean): SendPolicy => ({
					node,
					itemIndex,
					limiter: limiterFor(settings.account, settings.maxRequestsInFlight),
					readOnly,
					maxRetries: settings.maxRetries,
					signal: this.getExecutionCancelSignal?.(),
					stopped: () => {
						if (!group.stoppedBy || continueOnFail) return undefined;
						group.notSent.push(itemIndex);
						return notSentBecause(this, group.stoppedBy);
					},
					failed: (error) => {
						if (!continueOnFail) group.stoppedBy ??= { itemIndex, error };
					},
				});
				return await shape.prepare.call(this, credentials, requestData.options, { group, policy });
			})();
			let failure: Error | undefined;
			const prepared = await preparation.then(
				(result) => {
					group.prepared(itemIndex);
					return result;
				},
				(error: Error & { description?: string | null }) => {
					failure = error;
					group.prepared(itemIndex, error);
					if (!continueOnFail) {
						error.description =
							`${error.description ?? ''} With On Error set to stop, one item that fails its checks stops every item of the run before any request leaves.`.trim();
					}
					return undefined;
				},
			);
			const invalid = await group.allPrepared();
			if (failure || !prepared) throw failure;
			if (!continueOnFail && invalid) throw invalid.error;
			if (!continueOnFail && group.incomplete) {
				throw new NodeOperationError(
					this.getNode(),
					`Item ${itemIndex} was not sent: another item's parameters could not be evaluated`,
					{ itemIndex, description: 'Nothing was sent to Twilio.' },
				);
			}
			await group.turnToQueue(itemIndex);
			const own: SendPolicy = { ...policy(shape.readOnly), queued: () => group.queued(itemIndex) };
			const send = async (options: RequestOptions) =>
				await sendWithRetries(
					own,
					async () => await this.makeRoutingRequest({ ...requestData, options: { ...options } }),
				);
			const answered = shape.listKey
				? readPages.call(this, send, requestData.options, shape.listKey)
				: send(requestData.options);
			let items = await answered.catch(async (error: Error) => {
				group.queued(itemIndex);
				if (!continueOnFail && !group.notSent.includes(itemIndex)) await reportStop.call(this, group, error, shape);
				return error;
			});
			if (items instanceof Error) throw items;
			if (shape.placesCall) {
				for (const item of items)
					if (typeof item.json.call_sid === 'string') group.placed.push({ itemIndex, callSid: item.json.call_sid });
			}
			if (shape.output) items = shape.output.call(this, items, prepared);
			return items.map((item) => ({ ...redact(item, secrets), pairedItem }));
		} catch (error) {
			const failure = redactError(error, secrets) as NodeOperationError;
			// n8n pairs a failed item with its input only when inputs and outputs are as many, which Get Many
			// breaks: with Continue On Fail the failure is output here, paired like any other item.
			if (continueOnFail) return [{ json: {}, error: failure, pairedItem }];
			throw failure;
		} finally {
			group.queued(itemIndex);
			group.settled(itemIndex);
		}
	};
}

/**
 * The first item to fail at Twilio stops the run (On Error stop). Its error waits for the requests already
 * under way, then says which calls they placed and which items were not sent, so nothing is lost or redialled.
 */
async function reportStop(
	this: IExecutePaginationFunctions,
	group: RunGroup,
	error: Error,
	shape: OperationShape,
): Promise<void> {
	const itemIndex = this.getItemIndex();
	group.stoppedBy ??= { itemIndex, error };
	if (group.stoppedBy.itemIndex !== itemIndex) return;
	await group.othersSettled(itemIndex);
	const lines: string[] = [];
	if (shape.placesCall && group.placed.length) {
		const placed = [...group.placed].sort((a, b) => a.itemIndex - b.itemIndex);
		lines.push(
			`Calls placed by other items of this run (running the node again would dial them again): ${placed.map((p) => `item ${p.itemIndex}: ${p.callSid}`).join(', ')}.`,
		);
	}
	if (group.notSent.length) lines.push(`Items not sent: ${[...group.notSent].sort((a, b) => a - b).join(', ')}.`);
	const target = error as Error & { description?: string | null; context?: IDataObject };
	if (shape.placesCall) target.context = { ...target.context, placedCalls: group.placed.map((p) => ({ ...p })) };
	if (lines.length) target.description = [target.description, ...lines].filter(Boolean).join(' ');
}
