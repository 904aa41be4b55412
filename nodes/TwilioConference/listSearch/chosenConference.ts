import { NodeOperationError } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, ILoadOptionsFunctions, INodeParameterResourceLocator } from 'n8n-workflow';

import { conferenceSidByName } from '../shared/conferences';

export interface ChosenConference {
	mode: string;
	value: string;
}

/**
 * The conference the node's Conference field names, for a list of what belongs to it (participants,
 * recordings). An expression cannot be resolved while editing, so it counts as not chosen yet.
 */
export function chosenConference(context: ILoadOptionsFunctions, listed: string): ChosenConference {
	const conference = context.getCurrentNodeParameter('conference') as INodeParameterResourceLocator | string | undefined;
	const { mode, value } = typeof conference === 'object' && conference !== null ? conference : { mode: 'id', value: conference };
	if (!value || typeof value !== 'string' || value.startsWith('=')) {
		throw new NodeOperationError(context.getNode(), `Choose a conference first: this list shows the ${listed} of the selected conference`);
	}
	return { mode: String(mode), value };
}

/** Its SID: a friendly name is looked up among the live conferences. */
export async function chosenConferenceSid(context: ILoadOptionsFunctions, credentials: ICredentialDataDecryptedObject, chosen: ChosenConference): Promise<string> {
	return chosen.mode === 'name' ? await conferenceSidByName(context, credentials, chosen.value) : chosen.value;
}
