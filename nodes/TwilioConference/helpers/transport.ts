import { NodeOperationError } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	ILoadOptionsFunctions,
} from 'n8n-workflow';

import { DEFAULT_BASE_URL } from '../../../credentials/TwilioConferenceApi.credentials';
import {
	credentialSecrets,
	redactError,
	redirectError,
	requestFailure,
	twilioHttpError,
	unreadableAnswerError,
} from './errors';

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

/** Why a link is not followed; undefined when it is a path on the credential's API host. */
export function foreignLinkProblem(link: unknown, baseUrl: string): string | undefined {
	if (typeof link !== 'string' || link === '') return 'it is empty';
	// A scheme, "//host" or "/\host" names another host; a backslash or control character is never in Twilio's links.
	if (!link.startsWith('/') || /^\/[/\\]/.test(link) || /[\\\s\u0000-\u001f\u007f]/.test(link))
		return 'it is not a path on the API host';
	let decodedPath: string;
	try {
		decodedPath = decodeURIComponent(link.split(/[?#]/)[0]);
	} catch {
		return 'it is not a well-formed path';
	}
	// Encoded, the same tricks would reach a proxy or a server that decodes before it routes.
	if (/^\/[/\\]/.test(decodedPath) || /[\\\u0000-\u001f\u007f]/.test(decodedPath))
		return 'it is not a path on the API host';
	try {
		const base = new URL(baseUrl);
		if (new URL(`${baseUrl}${link}`).origin !== base.origin) return 'it leads to another host';
	} catch {
		return 'it is not a well-formed path';
	}
	return undefined;
}

/** Where the node's timeout and certificate settings ("Request Options") say, as for the operation's own request. */
function requestSettings(context: IExecuteSingleFunctions | ILoadOptionsFunctions): {
	timeout: number;
	skipSslCertificateValidation?: boolean;
} {
	let settings: unknown;
	try {
		settings =
			'getItemIndex' in context
				? context.getNodeParameter('requestOptions', {})
				: context.getCurrentNodeParameter('requestOptions');
	} catch {
		settings = undefined;
	}
	const { timeout, allowUnauthorizedCerts } = (
		typeof settings === 'object' && settings !== null ? settings : {}
	) as IDataObject;
	const fallback = 'getItemIndex' in context ? DEFAULT_TIMEOUT_MS : PICKER_TIMEOUT_MS;
	return {
		timeout: typeof timeout === 'number' && Number.isFinite(timeout) && timeout > 0 ? timeout : fallback,
		...(allowUnauthorizedCerts === true ? { skipSslCertificateValidation: true } : {}),
	};
}

/** n8n's own default for a declarative node's request. */
const DEFAULT_TIMEOUT_MS = 300_000;
/** A list in the editor should fail within a minute rather than spin. */
const PICKER_TIMEOUT_MS = 60_000;

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
): Promise<IDataObject> {
	const node = context.getNode();
	const itemIndex = 'getItemIndex' in context ? context.getItemIndex() : 0;
	const baseURL = twilioBaseUrl(credentials);
	const problem = foreignLinkProblem(path, baseURL);
	if (problem)
		throw new NodeOperationError(node, `Refused to request "${path.slice(0, 80)}": ${problem}`, {
			itemIndex,
			description: 'The credentials are only ever sent to the API host. Nothing was sent.',
		});
	const options: IHttpRequestOptions = {
		method: 'GET',
		baseURL,
		url: path,
		qs,
		headers: { Accept: 'application/json' },
		json: true,
		ignoreHttpStatusErrors: true,
		returnFullResponse: true,
		disableFollowRedirect: true,
		...requestSettings(context),
	};
	// Errors and answers may carry the request, Authorization header included.
	const secrets = credentialSecrets(credentials);
	let response: IN8nHttpFullResponse;
	try {
		response = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			CREDENTIAL_NAME,
			options,
		)) as IN8nHttpFullResponse;
	} catch (error) {
		throw redactError(requestFailure(node, error, itemIndex), secrets);
	}
	const headers = response.headers as IDataObject;
	if (response.statusCode >= 400)
		throw redactError(twilioHttpError(node, response.statusCode, response.body, headers, itemIndex), secrets);
	if (response.statusCode >= 300)
		throw redactError(redirectError(node, response.statusCode, headers, itemIndex), secrets);
	if (typeof response.body !== 'object' || response.body === null) {
		throw redactError(unreadableAnswerError(node, response.statusCode, response.body, itemIndex), secrets);
	}
	return response.body as IDataObject;
}
