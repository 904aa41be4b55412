import type { ICredentialDataDecryptedObject, IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { accountPath, CREDENTIAL_NAME, twilioGet } from '../shared/transport';
import { chosenConference, chosenConferenceSid } from './chosenConference';
import { pickerError } from './messages';

const PAGE_SIZE = 50;

/** The phone number or address a participant's call went to; the participant resource itself lacks it. */
async function numberOf(context: ILoadOptionsFunctions, credentials: ICredentialDataDecryptedObject, callSid: string): Promise<string> {
	try {
		const call = await twilioGet(context, credentials, `${accountPath(credentials)}/Calls/${encodeURIComponent(callSid)}.json`);
		return String(call.to ?? call.from ?? '');
	} catch {
		// The number only decorates the entry; the participant can still be picked without it.
		return '';
	}
}

/** The chosen conference's participants, shown as label, number and status. */
export async function searchParticipants(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const chosen = chosenConference(this, 'participants');
	try {
		const credentials = await this.getCredentials(CREDENTIAL_NAME);
		const conferenceSid = await chosenConferenceSid(this, credentials, chosen);
		const page = paginationToken
			? await twilioGet(this, credentials, paginationToken)
			: await twilioGet(this, credentials, `${accountPath(credentials)}/Conferences/${encodeURIComponent(conferenceSid)}/Participants.json`, { PageSize: PAGE_SIZE });
		const needle = (filter ?? '').trim().toLowerCase();
		const participants = ((page.participants as IDataObject[] | undefined) ?? []).filter(
			(p) => !needle || `${p.label ?? ''} ${p.call_sid}`.toLowerCase().includes(needle),
		);
		const numbers = await Promise.all(participants.map(async (p) => await numberOf(this, credentials, String(p.call_sid))));
		const next = page.next_page_uri;
		return {
			results: participants.map((p, i) => ({
				name: [p.label ?? '(no label)', numbers[i], p.status].filter((part) => part).join(' · '),
				value: String(p.call_sid),
				description: String(p.call_sid),
			})),
			paginationToken: typeof next === 'string' && next.startsWith('/') ? next : undefined,
		};
	} catch (error) {
		throw pickerError(this, error);
	}
}
