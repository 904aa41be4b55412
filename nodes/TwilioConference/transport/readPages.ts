import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INode,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { invalidInput, toBoolean } from '../helpers/validation';
import { unreadableAnswerError } from '../helpers/errors';
import { firstPageSize, PagingProblem, UnreadablePage, walkPages } from './paging';
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

/**
 * Get Many: reads pages until the limit is reached or Twilio says there is no next page, each page sent through
 * the request loop (limit on requests in flight, retries).
 */
export async function readPages(
	this: IExecutePaginationFunctions,
	send: (options: RequestOptions) => Promise<INodeExecutionData[]>,
	first: RequestOptions,
	listKey: string,
): Promise<INodeExecutionData[]> {
	const limit = wanted(this);
	const fetch = async (link: string | undefined) => {
		const options: RequestOptions = link
			? { ...first, url: link, qs: {} }
			: { ...first, qs: { ...first.qs, PageSize: firstPageSize(limit) } };
		const [page] = await send(options);
		return page?.json as IDataObject | undefined;
	};
	try {
		const { entries } = await walkPages({ listKey, fetch, limit });
		return entries.map((entry) => ({ json: entry as IDataObject }));
	} catch (problem) {
		throw pagingError(this.getNode(), problem, this.getItemIndex());
	}
}

/** A walk that stopped on a page without a list, or on a next-page link it would not follow, as an n8n error. */
export function pagingError(node: INode, problem: unknown, itemIndex: number): unknown {
	if (problem instanceof UnreadablePage)
		return unreadableAnswerError(node, 200, JSON.stringify(problem.body ?? ''), itemIndex);
	if (!(problem instanceof PagingProblem)) return problem;
	return new NodeApiError(
		node,
		{ next_page_uri: problem.link },
		{
			message: problem.message,
			description: `${problem.entriesRead} entries had been read. Twilio's paging links are paths on the API host that never repeat; this answer may come from a proxy.`,
			itemIndex,
		},
	);
}
