import type { INodeProperties } from 'n8n-workflow';

import { UPDATE_PARAMETERS } from '../../shared/apiParameters';
import { toCollectionOptions } from '../../shared/fields';

const showOnlyForParticipantUpdate = { operation: ['update'], resource: ['participant'] };

export const participantUpdateDescription: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForParticipantUpdate },
		options: toCollectionOptions(UPDATE_PARAMETERS),
	},
];
