import type { INodePropertyRouting } from 'n8n-workflow';

import { checkTwilioResponse } from '../../shared/requests';
import { requestLoop } from '../../transport/requestLoop';
import type { OperationShape } from '../../transport/requestLoop';

/**
 * An operation's routing: the request goes through the request loop (transport/requestLoop.ts), which checks,
 * limits, retries and pages; Twilio's error answers become n8n errors on the way back.
 */
export function routedThroughLoop(method: 'DELETE' | 'GET' | 'POST', shape: OperationShape): INodePropertyRouting {
	return {
		request: { method },
		send: { paginate: true },
		operations: { pagination: requestLoop(shape) },
		output: { postReceive: [checkTwilioResponse] },
	};
}

export const forParticipant = (...operation: string[]) => ({ show: { operation, resource: ['participant'] } });
