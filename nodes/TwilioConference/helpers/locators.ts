/**
 * The identifiers a path is built from, read from the node's pickers and checked before anything is sent: the
 * conference (SID, or friendly name), the participant (Call SID or label) and the recording (RE SID).
 */
import type {
	ICredentialDataDecryptedObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	INodeParameterResourceLocator,
} from 'n8n-workflow';

import type { Lookups } from '../transport/requestLoop';
import { conferenceSidByName } from './conferences';
import { itemParameter } from './parameters';
import { checkLabel, invalidInput, requiredText, sidPattern } from './validation';

/** A resource locator's mode and text; workflows written before the pickers hold a plain string. */
function locator(this: IExecuteSingleFunctions, name: string, field: string): { mode: string; value: string } {
	const raw = itemParameter(this, name, undefined, { extractValue: false }) as INodeParameterResourceLocator | string;
	const isLocator = typeof raw === 'object' && raw !== null && 'mode' in raw;
	const { mode, value } = isLocator ? raw : { mode: 'plain', value: raw as unknown };
	return { mode: String(mode), value: requiredText.call(this, field, value) };
}

export function requireSid(this: IExecuteSingleFunctions, field: string, value: string, prefix: string): string {
	if (!sidPattern(prefix).test(value)) {
		throw invalidInput(
			this.getNode(),
			field,
			this.getItemIndex(),
			`expected a SID: "${prefix}" followed by 32 hexadecimal characters`,
		);
	}
	return value;
}

/**
 * The conference as the path takes it: Create also takes a friendly name, the others need the SID. A name of
 * "." or ".." would not stay one path segment: URLs read them as "this folder" and "the folder above".
 */
export async function conferenceSegment(
	this: IExecutePaginationFunctions,
	credentials: ICredentialDataDecryptedObject,
	isCreate: boolean,
	lookups: Lookups,
	parameterName = 'conference',
): Promise<string> {
	const { mode, value } = locator.call(this, parameterName, 'Conference');
	if (mode === 'name' || (mode === 'plain' && isCreate)) {
		if (value === '.' || value === '..') {
			throw invalidInput(
				this.getNode(),
				'Conference',
				this.getItemIndex(),
				`"${value}" cannot be a conference name: it would change the request's path`,
			);
		}
		return isCreate ? value : await conferenceSidByName(this, credentials, value, lookups);
	}
	return requireSid.call(this, 'Conference', value, 'CF');
}

/** The participant as the path takes it: a Call SID, or a label as Twilio allows it. */
export function participantSegment(this: IExecuteSingleFunctions): string {
	const { mode, value } = locator.call(this, 'participant', 'Participant');
	if (mode === 'id' || mode === 'list') return requireSid.call(this, 'Participant', value, 'CA');
	if (sidPattern('CA').test(value)) return value;
	return checkLabel(this.getNode(), 'Participant', this.getItemIndex(), value);
}

/** The conference recording: its SID in every mode. */
export function recordingSegment(this: IExecuteSingleFunctions): string {
	return requireSid.call(this, 'Recording', locator.call(this, 'recording', 'Recording').value, 'RE');
}
