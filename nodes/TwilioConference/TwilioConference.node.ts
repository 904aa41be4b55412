import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { searchConferences } from './listSearch/searchConferences';
import { searchParticipants } from './listSearch/searchParticipants';
import { participantDescription } from './resources/participant';

export class TwilioConference implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Twilio Conference',
		name: 'twilioConference',
		icon: { light: 'file:twilioConference.svg', dark: 'file:twilioConference.dark.svg' },
		group: ['transform'],
		version: [1, 2],
		defaultVersion: 2,
		subtitle:
			'={{ ({ create: "Create", delete: "Delete", get: "Get", getAll: "Get Many", update: "Update" })[$parameter["operation"]] + ": " + ({ participant: "Conference Participant" })[$parameter["resource"]] }}',
		description: 'Add, list, update and remove the participants of live Twilio conference calls',
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
				options: [{ name: 'Conference Participant', value: 'participant' }],
				default: 'participant',
			},
			...participantDescription,
		],
	};

	methods = {
		listSearch: { searchConferences, searchParticipants },
	};
}
