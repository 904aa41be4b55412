import type { INodeProperties } from 'n8n-workflow';

import { RECORDING_UPDATE_PARAMETERS } from '../../helpers/apiParameters';
import { filtersCollection, recordingField } from '../../helpers/descriptions';
import { toProperty } from '../../helpers/fields';
import { checkedDates, CREATED_KEYS, dateFilterFields } from '../../helpers/listFilters';
import { deletedResult, prepareRequest } from '../../helpers/requests';
import { simplifyWhenAsked } from '../../helpers/simplify';
import { loopRouting } from '../routing';

const RESOURCE = ['conferenceRecording'];
const show = (...operation: string[]) => ({ show: { operation, resource: RESOURCE } });
const NO_START =
	"Twilio has no API that starts a conference recording: record a conference by adding its first participant with Additional Fields → Conference Record (Record From Start), or with the record attribute of TwiML's Conference.";

export const recordingOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: RESOURCE } },
	options: [
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a conference recording',
			description:
				'Delete a recording of a conference for good, its audio included. Needs the conference and the recording SID; returns deleted: true with both SIDs.',
			routing: loopRouting('DELETE', {
				readOnly: false,
				prepare: prepareRequest({ target: 'recording' }),
				output: deletedResult,
			}),
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a conference recording',
			description:
				'Read one recording of a conference. Needs the conference and the recording SID; returns its status, start time, duration and channels.',
			routing: loopRouting('GET', {
				readOnly: true,
				prepare: prepareRequest({ target: 'recording' }),
				output: simplifyWhenAsked,
			}),
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many conference recordings',
			description: `List the recordings of a conference, newest first, optionally by the day they were created. Returns one item per recording. ${NO_START}`,
			routing: loopRouting('GET', {
				readOnly: true,
				listKey: 'recordings',
				prepare: prepareRequest({ target: 'recordings', query: (query) => checkedDates(query, CREATED_KEYS) }),
				output: simplifyWhenAsked,
			}),
		},
		{
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
		},
	],
	default: 'get',
};

export const recordingFields: INodeProperties[] = [
	{
		displayName: NO_START,
		name: 'recordingNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: RESOURCE } },
	},
	recordingField({ operation: ['delete', 'get', 'update'], resource: RESOURCE }),
	{ ...toProperty(RECORDING_UPDATE_PARAMETERS[0]), required: true, displayOptions: show('update') },
	// Twilio reads Pause Behavior only when pausing.
	{
		...toProperty(RECORDING_UPDATE_PARAMETERS[1]),
		displayOptions: { show: { ...show('update').show, status: ['paused'] } },
	},
	filtersCollection(show('getAll').show, dateFilterFields('DateCreated', 'recordings')),
];
