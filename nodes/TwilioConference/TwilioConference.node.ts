import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { searchConferenceRecordings } from './listSearch/searchConferenceRecordings';
import { searchConferences } from './listSearch/searchConferences';
import { searchParticipants } from './listSearch/searchParticipants';
import { conferenceOfParticipantsAndRecordings, limit, options, returnAll, simplify } from './resources/common';
import { conferenceFields, conferenceOperation } from './resources/conference';
import { recordingFields, recordingOperation } from './resources/conferenceRecording';
import { participantCreateNotice, participantFields, participantOperation } from './resources/participant';

export class TwilioConference implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Twilio Conference',
		name: 'twilioConference',
		icon: { light: 'file:twilioConference.svg', dark: 'file:twilioConference.dark.svg' },
		group: ['transform'],
		version: [1, 2],
		defaultVersion: 2,
		subtitle:
			'={{ ({ announce: "Announce", create: "Create", delete: "Delete", end: "End", get: "Get", getAll: "Get Many", update: "Update" })[$parameter["operation"]] + ": " + ({ conference: "Conference", conferenceRecording: "Conference Recording", participant: "Conference Participant" })[$parameter["resource"]] }}',
		description:
			'Manage live Twilio conference calls: their participants, the conferences themselves and their recordings',
		defaults: { name: 'Twilio Conference' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'twilioConferenceApi', required: true }],
		requestDefaults: {
			headers: { Accept: 'application/json' },
			// Error answers reach checkTwilioResponse, which reads Twilio's code, message and more_info.
			ignoreHttpStatusErrors: true,
		},
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Conference', value: 'conference' },
					{ name: 'Conference Participant', value: 'participant' },
					{ name: 'Conference Recording', value: 'conferenceRecording' },
				],
				// Workflows saved before the other resources leave the resource out: they mean participants.
				default: 'participant',
			},
			participantOperation,
			conferenceOperation,
			recordingOperation,
			...participantCreateNotice,
			conferenceOfParticipantsAndRecordings,
			...participantFields,
			...conferenceFields,
			...recordingFields,
			returnAll,
			limit,
			...simplify,
			options,
		],
	};

	methods = {
		listSearch: { searchConferences, searchParticipants, searchConferenceRecordings },
	};
}
