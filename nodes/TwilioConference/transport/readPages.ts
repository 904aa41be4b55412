import type { DeclarativeRestApiSettings, IDataObject, IExecutePaginationFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { invalidInput, toBoolean } from '../shared/validation';
import { unreadableAnswerError } from '../shared/errors';
import { firstPageSize, nextPage, PagingProblem } from './paging';
import { checkedNumber } from './settings';

type RequestOptions = DeclarativeRestApiSettings.HttpRequestOptions;

const LIMIT = { api: 'Limit', kind: 'integer' as const, min: 1, description: '' };

/** Return All or Limit, checked: an expression may hand them anything. */
function wanted(context: IExecutePaginationFunctions): number {
	let returnAll: boolean;
	try {
		returnAll = toBoolean(context.getNodeParameter('returnAll', false) ?? false);
	} catch (error) {
		throw invalidInput(context.getNode(), 'Return All', context.getItemIndex(), (error as Error).message);
	}
	return returnAll ? Infinity : checkedNumber(context, LIMIT, context.getNodeParameter('limit', 50), 50);
}

function followNext(link: unknown, followed: Set<string>): string | undefined | PagingProblem {
	try {
		return nextPage(link, followed);
	} catch (problem) {
		return problem as PagingProblem;
	}
}

/**
 * Get Many: reads pages until the limit is reached or Twilio says there is no next page. An entry seen on an
 * earlier page (a page read again after a retry) is not output twice.
 */
export async function readPages(
	this: IExecutePaginationFunctions,
	send: (options: RequestOptions) => Promise<INodeExecutionData[]>,
	first: RequestOptions,
	listKey: string,
): Promise<INodeExecutionData[]> {
	const limit = wanted(this);
	const seen = new Set<string>();
	const followed = new Set<string>();
	const entries: INodeExecutionData[] = [];
	let options: RequestOptions = { ...first, qs: { ...first.qs, PageSize: firstPageSize(limit) } };
	for (;;) {
		const [page] = await send(options);
		const body = page?.json as IDataObject | undefined;
		if (!body || !Array.isArray(body[listKey])) {
			throw unreadableAnswerError(this.getNode(), 200, JSON.stringify(body ?? ''), this.getItemIndex());
		}
		for (const entry of body[listKey] as IDataObject[]) {
			const key = String(entry.call_sid ?? entry.sid ?? `#${entries.length}`);
			if (seen.has(key)) continue;
			seen.add(key);
			entries.push({ json: entry });
			if (entries.length >= limit) return entries;
		}
		const next = followNext(body.next_page_uri, followed);
		if (next instanceof PagingProblem) {
			throw new NodeApiError(this.getNode(), { next_page_uri: String(body.next_page_uri ?? '') }, {
				message: next.message,
				description: `${entries.length} entries had been read. Twilio's paging links are paths on the API host that never repeat; this answer may come from a proxy.`,
				itemIndex: this.getItemIndex(),
			});
		}
		if (!next) return entries;
		options = { ...options, url: next, qs: {} };
	}
}
