import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { chosenConferencePage } from './chosenConference';
import { pickerError } from './messages';

/** How a recording reads in the list: when it started, its status and, once finished, its length. */
function nameOf(recording: IDataObject): string {
	const duration = recording.duration === null || recording.duration === undefined ? undefined : `${String(recording.duration)} s`;
	return [recording.start_time ?? recording.date_created, recording.status, duration].filter((part) => part).join(' · ');
}

/** The chosen conference's recordings, newest first; scrolling loads the next page. */
export async function searchConferenceRecordings(this: ILoadOptionsFunctions, _filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	try {
		const { entries, next } = await chosenConferencePage(this, 'recordings', paginationToken);
		return { results: entries.map((r) => ({ name: nameOf(r), value: String(r.sid), description: String(r.sid) })), paginationToken: next };
	} catch (error) {
		throw pickerError(this, error);
	}
}
