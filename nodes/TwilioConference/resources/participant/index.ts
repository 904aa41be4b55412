import type { INodeProperties } from 'n8n-workflow';

import { CREATE_PARAMETERS, UPDATE_PARAMETERS } from '../../shared/apiParameters';
import { checkTwilioResponse, deletedResult, prepareRequest } from '../../shared/requests';
import { simplifyWhenAsked } from '../../shared/simplify';
import { requestLoop } from '../../transport/requestLoop';
import { participantCreateDescription, participantCreateNotice } from './create';
import { participantGetManyDescription } from './getAll';
import { conference, customParameters, options, participant, simplify } from './shared';
import { participantUpdateDescription } from './update';

const showOnlyForParticipants = { resource: ['participant'] };

/** Each operation's request goes through the request loop (transport/requestLoop.ts): checks, limits, retries. */
const loop = (shape: Parameters<typeof requestLoop>[0]) => ({ pagination: requestLoop(shape) });

export const participantDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForParticipants },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Add a participant to a conference',
				description:
					'Dial a phone number, client or SIP address and add the call to a conference (places a live, billable call). Needs Conference, From and To; returns the new participant.',
				routing: {
					request: { method: 'POST' },
					send: { paginate: true },
					operations: loop({
						readOnly: false,
						placesCall: true,
						prepare: prepareRequest({ isCreate: true, parameters: CREATE_PARAMETERS, required: { From: 'From', To: 'To' }, customParameters: true }),
						output: simplifyWhenAsked,
					}),
					output: { postReceive: [checkTwilioResponse] },
				},
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Remove a participant from a conference',
				description:
					'Hang up a participant and remove them from a live conference. Needs the conference SID and the Call SID or label; returns deleted: true.',
				routing: {
					request: { method: 'DELETE' },
					send: { paginate: true },
					operations: loop({ readOnly: false, prepare: prepareRequest({ withParticipant: true }), output: deletedResult }),
					output: { postReceive: [checkTwilioResponse] },
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a conference participant',
				description:
					'Read one participant of a live conference by Call SID or label. Returns its status, muted, hold and coaching state.',
				routing: {
					request: { method: 'GET' },
					send: { paginate: true },
					operations: loop({ readOnly: true, prepare: prepareRequest({ withParticipant: true }), output: simplifyWhenAsked }),
					output: { postReceive: [checkTwilioResponse] },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many conference participants',
				description:
					'List the participants of a live conference, optionally only muted, on hold or coaching ones. Returns one item per participant.',
				routing: {
					request: { method: 'GET' },
					send: { paginate: true },
					operations: loop({
						readOnly: true,
						listKey: 'participants',
						prepare: prepareRequest({ booleanQuery: ['Muted', 'Hold', 'Coaching'] }),
						output: simplifyWhenAsked,
					}),
					output: { postReceive: [checkTwilioResponse] },
				},
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a conference participant',
				description:
					'Change a live participant: mute, hold, announce, coach or end the conference when they leave. Needs the conference SID and the Call SID or label; returns the updated participant.',
				routing: {
					request: { method: 'POST' },
					send: { paginate: true },
					operations: loop({
						readOnly: false,
						prepare: prepareRequest({ withParticipant: true, parameters: UPDATE_PARAMETERS, customParameters: true }),
						output: simplifyWhenAsked,
					}),
					output: { postReceive: [checkTwilioResponse] },
				},
			},
		],
		default: 'get',
	},
	// Get and Delete need only the shared fields: conference and participant.
	...participantCreateNotice,
	conference,
	participant,
	...participantCreateDescription,
	...participantGetManyDescription,
	...participantUpdateDescription,
	customParameters,
	...simplify,
	options,
];
