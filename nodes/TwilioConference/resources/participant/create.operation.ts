import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { toCollectionOptions } from '../../helpers/fields';
import { prepareRequest } from '../../helpers/requests';
import { simplifyWhenAsked } from '../../helpers/simplify';
import {
	ADDITIONAL_FIELDS,
	CONFERENCE_OPTIONS,
	CREATE_PARAMETERS,
	EMERGENCY_CALLING,
	MACHINE_DETECTION,
	RECORDING_OPTIONS,
} from './create.fields';
import type { FieldRow } from '../../helpers/apiParameters';
import { loopRouting } from '../routing';
import { forParticipant } from './fields';

/** The collections of Create's optional fields, by what they are for. */
export const CREATE_GROUPS: Array<{ displayName: string; name: string; description: string; rows: FieldRow[] }> = [
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		description: 'Who the participant is, how they join, and the call that brings them in',
		rows: ADDITIONAL_FIELDS,
	},
	{
		displayName: 'Conference Options',
		name: 'conferenceOptions',
		description:
			'Settings of the conference itself. Twilio takes them from the participant that starts the conference.',
		rows: CONFERENCE_OPTIONS,
	},
	{
		displayName: 'Recording Options',
		name: 'recordingOptions',
		description: "Recording this participant's call, or the whole conference",
		rows: RECORDING_OPTIONS,
	},
	{
		displayName: 'Answering Machine Detection',
		name: 'machineDetection',
		description: 'Whether a person or a machine answered, and how Twilio decides',
		rows: MACHINE_DETECTION,
	},
	{
		displayName: 'Emergency Calling',
		name: 'emergencyCalling',
		description: 'Caller details passed on with an emergency call',
		rows: EMERGENCY_CALLING,
	},
];

export const createOperation: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Add a participant to a conference',
	description:
		'Dial a phone number, client or SIP address and add the call to a conference (places a live, billable call). Needs Conference, From and To; returns the new participant.',
	routing: loopRouting('POST', {
		readOnly: false,
		placesCall: true,
		prepare: prepareRequest({
			target: 'participants',
			isCreate: true,
			parameters: CREATE_PARAMETERS,
			required: { From: 'From', To: 'To' },
			customParameters: true,
		}),
		output: simplifyWhenAsked,
	}),
};

const showForCreate = forParticipant('create');

/**
 * Version 1 of the node listed all 58 optional fields in one Additional Fields collection; version 2 groups them.
 * Workflows saved with version 1 keep their fields (n8n drops a saved entry its collection no longer has).
 */
const forVersion = (versions: number[]) => ({ show: { ...showForCreate.show, '@version': versions } });

export const createNotice: INodeProperties = {
	displayName:
		'Create dials a real outbound call that Twilio bills. Twilio starts an account\'s calls at its calls-per-second rate (1 by default) and queues the rest: they come back with status "queued".',
	name: 'createNotice',
	type: 'notice',
	default: '',
	displayOptions: showForCreate,
};

export const createFields: INodeProperties[] = [
	{
		displayName: 'From',
		name: 'from',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. +15017122661',
		description:
			'Caller ID for the call: a Twilio or verified phone number in E.164 format, a client:name identifier, or a SIP user name',
		displayOptions: showForCreate,
		routing: { send: { type: 'body', property: 'From' } },
	},
	{
		displayName: 'To',
		name: 'to',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. +15558675310',
		description:
			'Who to call: a phone number in E.164 format, client:name, a SIP address (sip:…), or app:AP… for a TwiML App',
		displayOptions: showForCreate,
		routing: { send: { type: 'body', property: 'To' } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: forVersion([1]),
		options: toCollectionOptions(CREATE_PARAMETERS),
	},
	...CREATE_GROUPS.map(
		(group): INodeProperties => ({
			displayName: group.displayName,
			name: group.name,
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description: group.description,
			displayOptions: forVersion([2]),
			options: toCollectionOptions(group.rows),
		}),
	),
];
