import { NodeOperationError } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	ILoadOptionsFunctions,
	INodeParameterResourceLocator,
} from 'n8n-workflow';

import { conferenceSidByName } from '../helpers/conferences';
import { accountPath, CREDENTIAL_NAME, twilioGet } from '../helpers/transport';
import { walkPages } from '../transport/paging';

const PAGE_SIZE = 50;

interface ChosenConference {
	mode: string;
	value: string;
}

/**
 * The conference the node's Conference field names, for a list of what belongs to it (participants,
 * recordings). An expression cannot be resolved while editing, so it counts as not chosen yet.
 */
function chosenConference(context: ILoadOptionsFunctions, listed: string): ChosenConference {
	const conference = context.getCurrentNodeParameter('conference') as
		| INodeParameterResourceLocator
		| string
		| undefined;
	const { mode, value } =
		typeof conference === 'object' && conference !== null ? conference : { mode: 'id', value: conference };
	if (!value || typeof value !== 'string' || value.startsWith('=')) {
		throw new NodeOperationError(
			context.getNode(),
			`Choose a conference first: this list shows the ${listed} of the selected conference`,
		);
	}
	return { mode: String(mode), value };
}

/**
 * One page of what the chosen conference holds (`listed`: participants or recordings), from the start or from
 * the picker's token; `keep` filters by the search text.
 */
export async function chosenConferencePage(
	context: ILoadOptionsFunctions,
	listed: 'participants' | 'recordings',
	paginationToken: string | undefined,
	keep?: (entry: IDataObject) => boolean,
): Promise<{ credentials: ICredentialDataDecryptedObject; entries: IDataObject[]; next?: string }> {
	const chosen = chosenConference(context, listed);
	const credentials = await context.getCredentials(CREDENTIAL_NAME);
	// A friendly name is looked up among the live conferences.
	const conferenceSid =
		chosen.mode === 'name' ? await conferenceSidByName(context, credentials, chosen.value) : chosen.value;
	const path = `${accountPath(credentials)}/Conferences/${encodeURIComponent(conferenceSid)}/${listed === 'participants' ? 'Participants' : 'Recordings'}.json`;
	const { entries, next } = await walkPages({
		listKey: listed,
		startedAt: paginationToken,
		keep: keep as ((entry: Record<string, unknown>) => boolean) | undefined,
		fetch: async (link) =>
			await twilioGet(
				context,
				credentials,
				link ?? paginationToken ?? path,
				link || paginationToken ? {} : { PageSize: PAGE_SIZE },
			),
		enough: () => true,
	});
	return { credentials, entries: entries as IDataObject[], next };
}
