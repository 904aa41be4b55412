import type { ICredentialDataDecryptedObject, IExecuteSingleFunctions } from 'n8n-workflow';

import type { ApiParameter } from '../helpers/apiParameters';
import { itemParameter } from '../helpers/parameters';
import { accountPath, twilioBaseUrl } from '../helpers/transport';
import { invalidInput, normalizeValue } from '../helpers/validation';
import { DEFAULT_MAX_RETRIES } from './retry';

/**
 * Twilio refuses requests beyond about 100 open at once per account, shared with everything else that uses the
 * account (other workflows, your own servers); half of that leaves them room.
 */
export const DEFAULT_MAX_REQUESTS_IN_FLIGHT = 50;

export interface RequestSettings {
	/** The account as Twilio counts it: API host and Account SID. */
	account: string;
	maxRetries: number;
	maxRequestsInFlight: number;
}

/** The node's own numbers, checked like Twilio's: an expression can hand them anything. */
const MAX_RETRIES: ApiParameter = { api: 'Max Retries', kind: 'integer', min: 0, max: 10, description: '' };
const MAX_IN_FLIGHT: ApiParameter = {
	api: 'Max Requests In Flight',
	kind: 'integer',
	min: 1,
	max: 1000,
	description: '',
};

export function checkedNumber(
	context: IExecuteSingleFunctions,
	parameter: ApiParameter,
	value: unknown,
	fallback: number,
): number {
	try {
		const checked = normalizeValue(parameter, value);
		return checked === undefined ? fallback : Number(checked);
	} catch (error) {
		throw invalidInput(context.getNode(), parameter.api, context.getItemIndex(), (error as Error).message);
	}
}

/** Options checked before anything is sent: a Max Retries that is not a number would retry for ever. */
export function requestSettings(
	context: IExecuteSingleFunctions,
	credentials: ICredentialDataDecryptedObject,
): RequestSettings {
	const options = (itemParameter(context, 'options', {}) ?? {}) as Record<string, unknown>;
	return {
		account: `${twilioBaseUrl(credentials)}${accountPath(credentials)}`,
		maxRetries: checkedNumber(context, MAX_RETRIES, options.maxRetries, DEFAULT_MAX_RETRIES),
		maxRequestsInFlight: checkedNumber(
			context,
			MAX_IN_FLIGHT,
			options.maxRequestsInFlight,
			DEFAULT_MAX_REQUESTS_IN_FLIGHT,
		),
	};
}
