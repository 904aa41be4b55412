import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { prepareRequest } from '../../shared/requests';
import { simplifyWhenAsked } from '../../shared/simplify';
import { forParticipant, routedThroughLoop } from './loop';

export const getAllOperation: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many conference participants',
	description: 'List the participants of a live conference, optionally only muted, on hold or coaching ones. Returns one item per participant.',
	routing: routedThroughLoop('GET', {
		readOnly: true,
		listKey: 'participants',
		prepare: prepareRequest({ booleanQuery: ['Muted', 'Hold', 'Coaching'] }),
		output: simplifyWhenAsked,
	}),
};

const showForGetMany = forParticipant('getAll');

export const getAllFields: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: showForGetMany,
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1 },
		description: 'Max number of results to return',
		displayOptions: { show: { ...showForGetMany.show, returnAll: [false] } },
	},
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
