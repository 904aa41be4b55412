import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { accountPath, CREDENTIAL_NAME, twilioGet } from './transport';

/**
 * The SID of the one in-progress conference with this friendly name. Twilio's FriendlyName filter matches
 * the whole name exactly; none or several matches is an error the user can act on.
 */
export async function conferenceSidByName(context: IExecuteSingleFunctions | ILoadOptionsFunctions, name: string): Promise<string> {
	const credentials = await context.getCredentials(CREDENTIAL_NAME);
	const page = await twilioGet(context, `${accountPath(credentials)}/Conferences.json`, {
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
