import type { INodeProperties } from 'n8n-workflow';

import { conferenceField, optionsCollection, participantField, simplifyField } from '../../shared/descriptions';

const showOnlyForParticipantGet = { operation: ['get'], resource: ['participant'] };

export const participantGetDescription: INodeProperties[] = [
	conferenceField(showOnlyForParticipantGet, false),
	participantField(showOnlyForParticipantGet),
	simplifyField(showOnlyForParticipantGet),
	optionsCollection(showOnlyForParticipantGet, false),
];
