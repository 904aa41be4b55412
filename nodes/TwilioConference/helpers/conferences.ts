import { NodeOperationError } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, IExecuteSingleFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import type { Lookups } from '../transport/requestLoop';
import { sendWithRetries } from '../transport/send';
import { readConferences } from './conferenceList';

/**
 * The SID of the one in-progress conference with this friendly name. Twilio's FriendlyName filter matches the
 * whole name exactly; none or several matches is an error the user can act on. In a run, items naming the same
 * conference share one look-up, sent through the account's limit and retried like any read; the next run looks
 * again, since conferences come and go.
 */
export async function conferenceSidByName(
	context: IExecuteSingleFunctions | ILoadOptionsFunctions,
	credentials: ICredentialDataDecryptedObject,
	name: string,
	lookups?: Lookups,
): Promise<string> {
	if (!lookups || !('getItemIndex' in context)) return await lookUp(context, credentials, name);
	const key = JSON.stringify([credentials.accountSid, credentials.baseUrl, credentials.region, credentials.edge, name]);
	let found = lookups.group.lookups.get(key);
	const mine = !found;
	if (!found) {
		const policy = lookups.policy(true);
		found = sendWithRetries(policy, async () => await lookUp(context, credentials, name));
		lookups.group.lookups.set(key, found);
		found.catch(() => lookups.group.lookups.delete(key));
	}
	if (mine) return await found;
	try {
		return await found;
	} catch {
		// A failure belongs to the item that looked up; the others look up for themselves and get their own error.
		return await conferenceSidByName(context, credentials, name, lookups);
	}
}

async function lookUp(
	context: IExecuteSingleFunctions | ILoadOptionsFunctions,
	credentials: ICredentialDataDecryptedObject,
	name: string,
): Promise<string> {
	// One page is enough: a name should match one live conference, and the SIDs of a few are enough to choose from.
	const { conferences: matches } = await readConferences(
		context,
		credentials,
		{ FriendlyName: name, Status: 'in-progress' },
		{ pageSize: 20, enough: () => true },
	);
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
