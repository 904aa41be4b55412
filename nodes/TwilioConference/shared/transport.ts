import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	ILoadOptionsFunctions,
} from 'n8n-workflow';

import { DEFAULT_BASE_URL } from '../../../credentials/TwilioConferenceApi.credentials';
import { credentialSecrets, redactError, twilioHttpError, unreadableAnswerError } from './errors';

export const CREDENTIAL_NAME = 'twilioConferenceApi';

/**
 * Where requests go: the same host choice as the credential test's BASE_URL_EXPRESSION, which has to be an
 * expression. Tests hold the two to the same answers.
 */
export function twilioBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const custom = String(credentials.baseUrl ?? '')
		.trim()
		.replace(/\/+$/, '');
	if (custom && custom !== DEFAULT_BASE_URL) return custom;
	const edge = String(credentials.edge ?? '');
	const region = String(credentials.region ?? '') || (edge ? 'us1' : '');
	if (!region) return DEFAULT_BASE_URL;
	return `https://${['api', edge, region, 'twilio.com'].filter((part) => part).join('.')}`;
}

/** The account's API path, e.g. /2010-04-01/Accounts/AC… */
export function accountPath(credentials: ICredentialDataDecryptedObject): string {
	return `/2010-04-01/Accounts/${encodeURIComponent(String(credentials.accountSid ?? '').trim())}`;
}

/**
 * A GET outside the operation's own request (list searches, resolving a friendly name), with the same error
 * mapping. `path` may carry its own query, as Twilio's next_page_uri does. The caller reads the credentials once
 * and passes them, since a list search makes many of these requests.
 */
export async function twilioGet(
	context: IExecuteSingleFunctions | ILoadOptionsFunctions,
	credentials: ICredentialDataDecryptedObject,
	path: string,
	qs: IDataObject = {},
	timeout?: number,
): Promise<IDataObject> {
	const options: IHttpRequestOptions = {
		method: 'GET',
		...(timeout ? { timeout } : {}),
		baseURL: twilioBaseUrl(credentials),
		url: path,
		qs,
		headers: { Accept: 'application/json' },
		json: true,
		ignoreHttpStatusErrors: true,
		returnFullResponse: true,
	};
	const response = (await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_NAME, options)) as IN8nHttpFullResponse;
	const itemIndex = 'getItemIndex' in context ? context.getItemIndex() : 0;
	// An error answer may echo the request, Authorization header included.
	if (response.statusCode >= 400) {
		const error = twilioHttpError(context.getNode(), response.statusCode, response.body, response.headers as IDataObject, itemIndex);
		throw redactError(error, credentialSecrets(credentials));
	}
	if (typeof response.body !== 'object' || response.body === null) {
		throw redactError(unreadableAnswerError(context.getNode(), response.statusCode, response.body, itemIndex), credentialSecrets(credentials));
	}
	return response.body as IDataObject;
}
