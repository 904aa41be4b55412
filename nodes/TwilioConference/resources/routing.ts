import type { IDataObject, IHttpRequestMethods, INodePropertyOptions } from 'n8n-workflow';

import { checkTwilioResponse } from '../helpers/requests';
import { requestLoop } from '../transport/requestLoop';
import type { OperationShape } from '../transport/requestLoop';

/**
 * An operation's routing: every request goes through the request loop (transport/requestLoop.ts), declared as
 * the engine's pagination hook, which wraps the HTTP call itself; Twilio's error answers become n8n errors.
 */
export function loopRouting(
	method: IHttpRequestMethods,
	shape: OperationShape,
	body?: IDataObject,
): INodePropertyOptions['routing'] {
	return {
		request: { method, ...(body ? { body } : {}) },
		send: { paginate: true },
		operations: { pagination: requestLoop(shape) },
		output: { postReceive: [checkTwilioResponse] },
	};
}
