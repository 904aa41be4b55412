import type { ICredentialDataDecryptedObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { accountPath, twilioGet } from '../helpers/transport';
import { chosenConferencePage } from './chosenConference';
import { pickerError } from './messages';

/** The phone number or address a participant's call went to; the participant resource itself lacks it. */
async function numberOf(
	context: ILoadOptionsFunctions,
	credentials: ICredentialDataDecryptedObject,
	callSid: string,
): Promise<string> {
	try {
		const call = await twilioGet(
			context,
			credentials,
			`${accountPath(credentials)}/Calls/${encodeURIComponent(callSid)}.json`,
		);
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
	const needle = (filter ?? '').trim().toLowerCase();
	try {
		const {
			credentials,
			entries: participants,
			next,
		} = await chosenConferencePage(
			this,
			'participants',
			paginationToken,
			(p) => !needle || `${p.label ?? ''} ${p.call_sid}`.toLowerCase().includes(needle),
		);
		const numbers = await Promise.all(
			participants.map(async (p) => await numberOf(this, credentials, String(p.call_sid))),
		);
		return {
			results: participants.map((p, i) => ({
				name: [p.label ?? '(no label)', numbers[i], p.status].filter((part) => part).join(' · '),
				value: String(p.call_sid),
				description: String(p.call_sid),
			})),
			paginationToken: next,
		};
	} catch (error) {
		throw pickerError(this, error);
	}
}
