import type { INodeProperties } from 'n8n-workflow';

import { CREATE_PARAMETERS, UPDATE_PARAMETERS } from '../../shared/apiParameters';
import { deletedResult, prepareRequest } from '../../shared/requests';
import { simplifyWhenAsked } from '../../shared/simplify';
import { loopRouting } from '../routing';
import { participantCreateDescription, participantCreateNotice } from './create';
import { participantGetManyDescription } from './getAll';
import { customParameters, participant } from './shared';
import { participantUpdateDescription } from './update';

const showOnlyForParticipants = { resource: ['participant'] };

export const participantOperation: INodeProperties = {
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
			routing: loopRouting('POST', {
				readOnly: false,
				placesCall: true,
				prepare: prepareRequest({ target: 'participants', isCreate: true, parameters: CREATE_PARAMETERS, required: { From: 'From', To: 'To' }, customParameters: true }),
				output: simplifyWhenAsked,
			}),
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Remove a participant from a conference',
			description:
				'Hang up a participant and remove them from a live conference. Needs the conference SID and the Call SID or label; returns deleted: true.',
			routing: loopRouting('DELETE', { readOnly: false, prepare: prepareRequest({ target: 'participant' }), output: deletedResult }),
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a conference participant',
			description:
				'Read one participant of a live conference by Call SID or label. Returns its status, muted, hold and coaching state.',
			routing: loopRouting('GET', { readOnly: true, prepare: prepareRequest({ target: 'participant' }), output: simplifyWhenAsked }),
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many conference participants',
			description:
				'List the participants of a live conference, optionally only muted, on hold or coaching ones. Returns one item per participant.',
			routing: loopRouting('GET', {
				readOnly: true,
				listKey: 'participants',
				prepare: prepareRequest({ target: 'participants', booleanQuery: ['Muted', 'Hold', 'Coaching'] }),
				output: simplifyWhenAsked,
			}),
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a conference participant',
			description:
				'Change a live participant: mute, hold, announce, coach or end the conference when they leave. Needs the conference SID and the Call SID or label; returns the updated participant.',
			routing: loopRouting('POST', {
				readOnly: false,
				prepare: prepareRequest({ target: 'participant', parameters: UPDATE_PARAMETERS, customParameters: true }),
				output: simplifyWhenAsked,
			}),
		},
	],
	default: 'get',
};

/** The participant's own fields; Get and Delete need only the conference and the participant. */
export const participantFields: INodeProperties[] = [
	participant,
	...participantCreateDescription,
	...participantGetManyDescription,
	...participantUpdateDescription,
	customParameters,
];

export { participantCreateNotice };
