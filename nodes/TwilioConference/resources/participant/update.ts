import type { INodeProperties } from 'n8n-workflow';

import { UPDATE_PARAMETERS } from '../../shared/apiParameters';
import { conferenceField, customParametersField, optionsCollection, participantField, simplifyField } from '../../shared/descriptions';
import { toCollectionOptions } from '../../shared/fields';

const showOnlyForParticipantUpdate = { operation: ['update'], resource: ['participant'] };

export const participantUpdateDescription: INodeProperties[] = [
	conferenceField(showOnlyForParticipantUpdate, false),
	participantField(showOnlyForParticipantUpdate),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForParticipantUpdate },
		options: toCollectionOptions(UPDATE_PARAMETERS),
	},
	customParametersField(showOnlyForParticipantUpdate),
	simplifyField(showOnlyForParticipantUpdate),
	optionsCollection(showOnlyForParticipantUpdate, false),
];
