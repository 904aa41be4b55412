import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { FieldRow } from '../../helpers/apiParameters';
import { shared } from '../../helpers/apiParameters';
import { toCollectionOptions } from '../../helpers/fields';
import { prepareRequest } from '../../helpers/requests';
import { simplifyWhenAsked } from '../../helpers/simplify';
import { loopRouting } from '../routing';
import { forParticipant } from './fields';

/** Update's 12 parameters, one row each (see create.fields.ts for what a row holds and why it stays on one line). */
// prettier-ignore
export const UPDATE_PARAMETERS: FieldRow[] = [
	{ displayName: 'Muted', name: 'muted', api: 'Muted', kind: 'boolean', default: false, description: 'Whether the participant is muted' },
	{ displayName: 'Hold', name: 'hold', api: 'Hold', kind: 'boolean', default: false, description: 'Whether the participant is on hold' },
	{ displayName: 'Hold URL', name: 'holdUrl', api: 'HoldUrl', kind: 'url', placeholder: 'e.g. https://example.com/hold.xml', description: 'TwiML document or audio file played to the participant while on hold', hint: 'Only used when Hold is on' },
	{ displayName: 'Hold Method', name: 'holdMethod', api: 'HoldMethod', kind: 'method', default: 'GET', description: 'HTTP method Twilio uses to fetch Hold URL' },
	{ displayName: 'Announce URL', name: 'announceUrl', api: 'AnnounceUrl', kind: 'url', placeholder: 'e.g. https://example.com/announcement.xml', description: 'TwiML document or audio file announced to the participant' },
	{ displayName: 'Announce Method', name: 'announceMethod', api: 'AnnounceMethod', kind: 'method', default: 'POST', description: 'HTTP method Twilio uses to fetch Announce URL' },
	shared.WaitUrl,
	shared.WaitMethod,
	{ displayName: 'Beep On Exit', name: 'beepOnExit', api: 'BeepOnExit', kind: 'boolean', default: true, description: 'Whether the conference hears a tone when this participant leaves' },
	shared.EndConferenceOnExit,
	shared.Coaching,
	shared.CallSidToCoach,
];

export const updateOperation: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a conference participant',
	description:
		'Change a live participant: mute, hold, announce, coach or end the conference when they leave. Needs the conference SID and the Call SID or label; returns the updated participant.',
	routing: loopRouting('POST', {
		readOnly: false,
		prepare: prepareRequest({
			target: 'participant',
			parameters: UPDATE_PARAMETERS,
			customParameters: true,
		}),
		output: simplifyWhenAsked,
	}),
};

export const updateFields: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: forParticipant('update'),
		options: toCollectionOptions(UPDATE_PARAMETERS),
	},
];
