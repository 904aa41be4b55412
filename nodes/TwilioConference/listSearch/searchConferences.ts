import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { accountPath, CREDENTIAL_NAME, twilioGet } from '../shared/transport';
import { pickerError } from './messages';
import { nextPage, pageToken } from './pages';

const PAGE_SIZE = 100;
/** With a filter, read a few pages to find matches rather than show an empty page with "load more". */
const MAX_PAGES_PER_CALL = 5;

/** Live conferences, newest first (Twilio's order), filtered by friendly name or SID. */
export async function searchConferences(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const needle = (filter ?? '').trim().toLowerCase();
	const results: INodeListSearchItems[] = [];
	let next: string | undefined;
	try {
		const credentials = await this.getCredentials(CREDENTIAL_NAME);
		next = pageToken(this, credentials, paginationToken);
		for (let pages = 0; pages < MAX_PAGES_PER_CALL; pages++) {
			const page = next
				? await twilioGet(this, credentials, next)
				: await twilioGet(this, credentials, `${accountPath(credentials)}/Conferences.json`, { Status: 'in-progress', PageSize: PAGE_SIZE });
			for (const conference of (page.conferences as IDataObject[] | undefined) ?? []) {
				const name = String(conference.friendly_name ?? '');
				const sid = String(conference.sid);
				if (needle && !name.toLowerCase().includes(needle) && !sid.toLowerCase().includes(needle)) continue;
				results.push({ name: name || sid, value: sid, description: sid });
			}
			next = nextPage(this, credentials, page.next_page_uri);
			if (!next || !needle || results.length >= 20) break;
		}
	} catch (error) {
		throw pickerError(this, error);
	}
	return { results, paginationToken: next };
}
