import type { INodeProperties } from 'n8n-workflow';

import { CREATE_PARAMETERS } from '../../shared/apiParameters';
import { toCollectionOptions } from '../../shared/fields';

const showOnlyForParticipantCreate = { operation: ['create'], resource: ['participant'] };

export const participantCreateNotice: INodeProperties[] = [
	{
		displayName:
			'Create dials a real outbound call that Twilio bills. Twilio starts an account\'s calls at its calls-per-second rate (1 by default) and queues the rest: they come back with status "queued".',
		name: 'createNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: showOnlyForParticipantCreate },
	},
];

export const participantCreateDescription: INodeProperties[] = [
	{
		displayName: 'From',
		name: 'from',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. +15017122661',
		description: 'Caller ID for the call: a Twilio or verified phone number in E.164 format, a client:name identifier, or a SIP user name',
		displayOptions: { show: showOnlyForParticipantCreate },
		routing: { send: { type: 'body', property: 'From' } },
	},
	{
		displayName: 'To',
		name: 'to',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. +15558675310',
		description: 'Who to call: a phone number in E.164 format, client:name, a SIP address (sip:…), or app:AP… for a TwiML App',
		displayOptions: { show: showOnlyForParticipantCreate },
		routing: { send: { type: 'body', property: 'To' } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForParticipantCreate },
		options: toCollectionOptions(CREATE_PARAMETERS),
	},
];
