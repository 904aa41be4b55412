import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { walkPages } from '../transport/paging';
import { accountPath, CREDENTIAL_NAME, twilioGet } from '../shared/transport';
import { chosenConference, chosenConferenceSid } from './chosenConference';
import { pickerError } from './messages';

const PAGE_SIZE = 50;

/** How a recording reads in the list: when it started, its status and, once finished, its length. */
function nameOf(recording: IDataObject): string {
	const duration = recording.duration === null || recording.duration === undefined ? undefined : `${String(recording.duration)} s`;
	return [recording.start_time ?? recording.date_created, recording.status, duration].filter((part) => part).join(' · ');
}

/** The chosen conference's recordings, newest first; scrolling loads the next page. */
export async function searchConferenceRecordings(this: ILoadOptionsFunctions, _filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const chosen = chosenConference(this, 'recordings');
	try {
		const credentials = await this.getCredentials(CREDENTIAL_NAME);
		const conferenceSid = await chosenConferenceSid(this, credentials, chosen);
		const path = `${accountPath(credentials)}/Conferences/${encodeURIComponent(conferenceSid)}/Recordings.json`;
		const { entries, next } = await walkPages({
			listKey: 'recordings',
			startedAt: paginationToken,
			fetch: async (link) => await twilioGet(this, credentials, link ?? paginationToken ?? path, link || paginationToken ? {} : { PageSize: PAGE_SIZE }),
			enough: () => true,
		});
		return { results: entries.map((r) => ({ name: nameOf(r as IDataObject), value: String(r.sid), description: String(r.sid) })), paginationToken: next };
	} catch (error) {
		throw pickerError(this, error);
	}
}
