import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { prepareRequest } from '../../helpers/requests';
import { simplifyWhenAsked } from '../../helpers/simplify';
import { loopRouting } from '../routing';
import { forParticipant } from './fields';

export const getAllOperation: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many conference participants',
	description:
		'List the participants of a live conference, optionally only muted, on hold or coaching ones. Returns one item per participant.',
	routing: loopRouting('GET', {
		readOnly: true,
		listKey: 'participants',
		prepare: prepareRequest({ target: 'participants', booleanQuery: ['Muted', 'Hold', 'Coaching'] }),
		output: simplifyWhenAsked,
	}),
};

const showForGetMany = forParticipant('getAll');

/** Return All and Limit are shared by every Get Many (resources/common.ts). */
export const getAllFields: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: showForGetMany,
		options: [
			{
				displayName: 'Coaching',
				name: 'coaching',
				type: 'boolean',
				default: true,
				description: 'Whether to return only participants who are coaching (true) or only those who are not (false)',
				routing: { send: { type: 'query', property: 'Coaching' } },
			},
			{
				displayName: 'Hold',
				name: 'hold',
				type: 'boolean',
				default: true,
				description: 'Whether to return only participants on hold (true) or only those not on hold (false)',
				routing: { send: { type: 'query', property: 'Hold' } },
			},
			{
				displayName: 'Muted',
				name: 'muted',
				type: 'boolean',
				default: true,
				description: 'Whether to return only muted participants (true) or only unmuted ones (false)',
				routing: { send: { type: 'query', property: 'Muted' } },
			},
		],
	},
];
