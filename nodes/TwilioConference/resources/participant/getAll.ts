import type { INodeProperties } from 'n8n-workflow';

import { filtersCollection } from '../../shared/descriptions';

const showOnlyForParticipantGetMany = { operation: ['getAll'], resource: ['participant'] };

const filter = (name: string, description: string): INodeProperties => ({
	displayName: name,
	name: name.toLowerCase(),
	type: 'boolean',
	default: true,
	description,
	routing: { send: { type: 'query', property: name } },
});

export const participantGetManyDescription: INodeProperties[] = [
	filtersCollection(showOnlyForParticipantGetMany, [
		filter('Coaching', 'Whether to return only participants who are coaching (true) or only those who are not (false)'),
		filter('Hold', 'Whether to return only participants on hold (true) or only those not on hold (false)'),
		filter('Muted', 'Whether to return only muted participants (true) or only unmuted ones (false)'),
	]),
];
