import { NodeOperationError } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { foreignLinkProblem, twilioBaseUrl } from '../shared/transport';

/**
 * The page token the editor hands back when the user scrolls: the next_page_uri of the page before. It comes
 * from outside the node, so it is followed only when it is a path on the credential's API host: an address
 * elsewhere would receive the credentials.
 */
export function pageToken(context: ILoadOptionsFunctions, credentials: ICredentialDataDecryptedObject, token: string | undefined): string | undefined {
	if (token === undefined || token === '') return undefined;
	const problem = foreignLinkProblem(token, twilioBaseUrl(credentials));
	if (!problem) return token;
	throw new NodeOperationError(context.getNode(), 'Could not load more: the page token is not a page of the Twilio API', {
		description: `The token was not followed (${problem}), and nothing was sent. Open the list again to start from its first page.`,
	});
}

/** Twilio's link to the next page, or undefined on the last page; a link elsewhere is an error, not an end. */
export function nextPage(context: ILoadOptionsFunctions, credentials: ICredentialDataDecryptedObject, link: unknown): string | undefined {
	if (link === undefined || link === null || link === '') return undefined;
	const problem = foreignLinkProblem(link, twilioBaseUrl(credentials));
	if (!problem) return link as string;
	throw new NodeOperationError(context.getNode(), "Could not load the list: Twilio's link to the next page points away from the API host", {
		description: `The link was not followed (${problem}), so the credentials went nowhere else. Enter the value by SID instead.`,
	});
}
