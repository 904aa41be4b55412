import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { chosenConferencePage } from './chosenConference';
import { pickerError } from './messages';

/** How a recording reads in the list: when it started, its status and, once finished, its length. */
function nameOf(recording: IDataObject): string {
	const duration =
		recording.duration === null || recording.duration === undefined ? undefined : `${String(recording.duration)} s`;
	return [recording.start_time ?? recording.date_created, recording.status, duration]
		.filter((part) => part)
		.join(' · ');
}

/** The chosen conference's recordings, newest first, searchable by what they show or their SID; scrolling loads the next page. */
export async function searchConferenceRecordings(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const needle = (filter ?? '').trim().toLowerCase();
	try {
		const { entries, next } = await chosenConferencePage(
			this,
			'recordings',
			paginationToken,
			(r) => !needle || `${nameOf(r)} ${r.sid}`.toLowerCase().includes(needle),
		);
		return {
			results: entries.map((r) => ({ name: nameOf(r), value: String(r.sid), description: String(r.sid) })),
			paginationToken: next,
		};
	} catch (error) {
		throw pickerError(this, error);
	}
}
