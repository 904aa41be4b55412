import { NodeOperationError } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, IDataObject, IExecuteSingleFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { accountPath, twilioGet } from './transport';

/**
 * The SID of the one in-progress conference with this friendly name. Twilio's FriendlyName filter matches
 * the whole name exactly; none or several matches is an error the user can act on.
 */
export async function conferenceSidByName(
	context: IExecuteSingleFunctions | ILoadOptionsFunctions,
	credentials: ICredentialDataDecryptedObject,
	name: string,
): Promise<string> {
	if (!('getItemIndex' in context)) return await lookUp(context, credentials, name);
	// Items of one execution usually name the same conference, and run at the same time: they share one look-up.
	const key = JSON.stringify([context.getExecutionId(), credentials.accountSid, credentials.baseUrl, credentials.region, credentials.edge, name]);
	let found = lookups.get(key);
	const mine = !found;
	if (!found) {
		if (lookups.size >= MAX_REMEMBERED) lookups.clear();
		found = lookUp(context, credentials, name);
		lookups.set(key, found);
		found.catch(() => lookups.delete(key));
	}
	if (mine) return await found;
	try {
		return await found;
	} catch {
		// A failure belongs to the item that looked up; the others look up for themselves and get their own error.
		return await lookUp(context, credentials, name);
	}
}

const MAX_REMEMBERED = 500;
const lookups = new Map<string, Promise<string>>();

async function lookUp(
	context: IExecuteSingleFunctions | ILoadOptionsFunctions,
	credentials: ICredentialDataDecryptedObject,
	name: string,
): Promise<string> {
	const page = await twilioGet(context, credentials, `${accountPath(credentials)}/Conferences.json`, {
		FriendlyName: name,
		Status: 'in-progress',
		PageSize: 20,
	});
	const matches = (page.conferences as IDataObject[] | undefined) ?? [];
	const itemIndex = 'getItemIndex' in context ? context.getItemIndex() : undefined;
	if (matches.length === 1) return String(matches[0].sid);
	const problem =
		matches.length === 0
			? `No conference named "${name}" is in progress`
			: `${matches.length} conferences named "${name}" are in progress`;
	throw new NodeOperationError(context.getNode(), problem, {
		itemIndex,
		description:
			matches.length === 0
				? 'Friendly names only find live conferences. Check the spelling (it must match exactly), or choose the conference from the list.'
				: `Choose one by SID: ${matches.map((c) => c.sid).join(', ')}`,
	});
}
