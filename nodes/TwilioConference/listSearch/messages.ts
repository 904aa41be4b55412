import { NodeOperationError } from 'n8n-workflow';
import type { ILoadOptionsFunctions } from 'n8n-workflow';

/**
 * Pickers show an error's message in the dropdown. Say what to do instead of passing through a raw HTTP
 * error; the original headline stays in the description.
 */
export function pickerError(context: ILoadOptionsFunctions, error: unknown): NodeOperationError {
	// Our own messages (no conference chosen, a name that matches nothing) are already written for the user.
	if (error instanceof NodeOperationError) return error;
	const { message = '', httpCode } = error as { message?: string; httpCode?: string | null };
	const advice: Record<string, string> = {
		'401':
			'Twilio did not accept the credentials. Check the Account SID and Auth Token (or API key) in the credential, or enter the value by SID instead.',
		'403': 'These credentials may not read this account. Check the credential, or enter the value by SID instead.',
		'404': 'Twilio did not find this account or conference. Check the Account SID in the credential.',
	};
	const text = advice[httpCode ?? ''] ?? `Could not load the list: ${message}`;
	const pickerFailure = new NodeOperationError(context.getNode(), text, { description: message });
	// n8n swaps a message naming a network code (ECONNRESET, ...) for its generic text; keep the one that says what happened.
	pickerFailure.message = text;
	return pickerFailure;
}
