/**
 * Twilio's Conferences list, read one way: Conference → Get Many, the conference picker and the friendly-name
 * look-up all build their query with conferenceListQuery and read its pages through walkPages
 * (transport/paging.ts), Get Many inside the request loop, the other two through twilioGet.
 */
import { NodeOperationError } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteSingleFunctions,
	ILoadOptionsFunctions,
} from 'n8n-workflow';

import { walkPages } from '../transport/paging';
import { pagingError } from '../transport/readPages';
import type { PageWalk } from '../transport/paging';
import { checkedDates, CREATED_KEYS, FilterProblem, UPDATED_KEYS } from './listFilters';
import { accountPath, twilioGet } from './transport';
import { checked, InvalidValue, plainText } from './validation';

export const CONFERENCE_LIST_KEY = 'conferences';
export const CONFERENCE_STATUSES = ['completed', 'in-progress', 'init'];
/** Since 30 September 2026 Twilio lists only in-progress conferences when Status is left out; the node always says. */
export const DEFAULT_STATUS = 'in-progress';

export function conferenceListPath(credentials: ICredentialDataDecryptedObject): string {
	return `${accountPath(credentials)}/Conferences.json`;
}

/** The list's query as Twilio reads it: Status always, FriendlyName exact text, dates as YYYY-MM-DD. */
export function conferenceListQuery(query: IDataObject): IDataObject | FilterProblem {
	const result = checkedDates(query, [...CREATED_KEYS, ...UPDATED_KEYS]);
	if (result instanceof FilterProblem) return result;
	const status = result.Status === undefined || result.Status === '' ? DEFAULT_STATUS : result.Status;
	if (typeof status !== 'string' || !CONFERENCE_STATUSES.includes(status)) {
		return new FilterProblem(
			'Status',
			`expected one of ${CONFERENCE_STATUSES.join(', ')}, got ${JSON.stringify(status)}`,
		);
	}
	result.Status = status;
	if (result.FriendlyName === undefined || result.FriendlyName === '') {
		delete result.FriendlyName;
		return result;
	}
	const name = checked(() => plainText(result.FriendlyName));
	if (name instanceof InvalidValue) return new FilterProblem('Friendly Name', name.message);
	result.FriendlyName = name;
	return result;
}

type Walk = Pick<PageWalk, 'keep' | 'enough' | 'limit' | 'startedAt'> & { pageSize: number };

/** Reads conferences outside an operation's own request (picker, look-up); `startedAt` resumes at a next-page link. */
export async function readConferences(
	context: IExecuteSingleFunctions | ILoadOptionsFunctions,
	credentials: ICredentialDataDecryptedObject,
	query: IDataObject,
	walk: Walk,
): Promise<{ conferences: IDataObject[]; next?: string }> {
	const checkedQuery = conferenceListQuery(query);
	if (checkedQuery instanceof FilterProblem)
		throw new NodeOperationError(
			context.getNode(),
			`Invalid value for "${checkedQuery.field}": ${checkedQuery.message}`,
		);
	const qs = { ...checkedQuery, PageSize: walk.pageSize };
	const fetch = async (link: string | undefined) => {
		const from = link ?? walk.startedAt;
		return await twilioGet(context, credentials, from ?? conferenceListPath(credentials), from ? {} : qs);
	};
	try {
		const { entries, next } = await walkPages({ ...walk, listKey: CONFERENCE_LIST_KEY, fetch });
		return { conferences: entries as IDataObject[], next };
	} catch (problem) {
		throw pagingError(context.getNode(), problem, 'getItemIndex' in context ? context.getItemIndex() : 0);
	}
}
