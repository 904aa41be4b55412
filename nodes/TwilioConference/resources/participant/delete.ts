import type { INodeProperties } from 'n8n-workflow';

import { conferenceField, optionsCollection, participantField } from '../../shared/descriptions';

const showOnlyForParticipantDelete = { operation: ['delete'], resource: ['participant'] };

export const participantDeleteDescription: INodeProperties[] = [
	conferenceField(showOnlyForParticipantDelete, false),
	participantField(showOnlyForParticipantDelete),
	optionsCollection(showOnlyForParticipantDelete, false),
];
