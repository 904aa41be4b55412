import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { RECORDING_UPDATE_PARAMETERS } from '../../helpers/apiParameters';
import { toProperty } from '../../helpers/fields';
import { prepareRequest } from '../../helpers/requests';
import { simplifyWhenAsked } from '../../helpers/simplify';
import { loopRouting } from '../routing';

import { NO_START, show } from './fields';

export const updateOperation: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a conference recording',
	description: `Pause, resume or stop the recording of a live conference (a stopped one cannot be resumed). Needs the conference, the recording SID and Status; returns the recording. ${NO_START}`,
	routing: loopRouting('POST', {
		readOnly: false,
		prepare: prepareRequest({
			target: 'recording',
			parameters: RECORDING_UPDATE_PARAMETERS,
			required: { Status: 'Status' },
		}),
		output: simplifyWhenAsked,
	}),
};

/** Status and Pause Behavior. */
export const updateFields: INodeProperties[] = [
	{ ...toProperty(RECORDING_UPDATE_PARAMETERS[0]), required: true, displayOptions: show('update') },
	// Twilio reads Pause Behavior only when pausing.
	{
		...toProperty(RECORDING_UPDATE_PARAMETERS[1]),
		displayOptions: { show: { ...show('update').show, status: ['paused'] } },
	},
];
