import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { readConferences } from '../helpers/conferenceList';
import { CREDENTIAL_NAME } from '../helpers/transport';
import { pickerError } from './messages';

const PAGE_SIZE = 100;
/** With a filter, read a few pages to find matches rather than show an empty page with "load more". */
const MAX_PAGES_PER_CALL = 5;
const ENOUGH_MATCHES = 20;

/** Live conferences, newest first (Twilio's order), filtered by friendly name or SID. */
export async function searchConferences(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const needle = (filter ?? '').trim().toLowerCase();
	try {
		const credentials = await this.getCredentials(CREDENTIAL_NAME);
		const { conferences, next } = await readConferences(
			this,
			credentials,
			{ Status: 'in-progress' },
			{
				pageSize: PAGE_SIZE,
				startedAt: paginationToken,
				keep: (c) =>
					!needle ||
					String(c.friendly_name ?? '')
						.toLowerCase()
						.includes(needle) ||
					String(c.sid).toLowerCase().includes(needle),
				enough: (found, pages) => !needle || found.length >= ENOUGH_MATCHES || pages >= MAX_PAGES_PER_CALL,
			},
		);
		const results = conferences.map((c) => ({
			name: String(c.friendly_name ?? '') || String(c.sid),
			value: String(c.sid),
			description: String(c.sid),
		}));
		return { results, paginationToken: next };
	} catch (error) {
		throw pickerError(this, error);
	}
}
