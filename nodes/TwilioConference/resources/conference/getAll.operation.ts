import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { CONFERENCE_LIST_KEY, conferenceListQuery } from '../../helpers/conferenceList';
import { filtersCollection } from '../../helpers/descriptions';
import { dateFilterFields } from '../../helpers/listFilters';
import { prepareRequest } from '../../helpers/requests';
import { simplifyWhenAsked } from '../../helpers/simplify';
import { loopRouting } from '../routing';

import { show } from './fields';

export const getAllOperation: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many conferences',
	description:
		"List the account's conferences of one status (live ones unless another is chosen), optionally by friendly name and by the day they were created or updated. Returns one item per conference.",
	routing: loopRouting('GET', {
		readOnly: true,
		listKey: CONFERENCE_LIST_KEY,
		prepare: prepareRequest({ target: 'conferences', query: conferenceListQuery }),
		output: simplifyWhenAsked,
	}),
};

/** Status and Filters. */
export const getAllFields: INodeProperties[] = [
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		// Since 30 September 2026 Twilio lists only in-progress conferences when Status is left out: the node always sends it.
		options: [
			{ name: 'Completed', value: 'completed', description: 'Conferences that have ended' },
			{ name: 'In Progress', value: 'in-progress', description: 'Live conferences' },
			{
				name: 'Not Started Yet',
				value: 'init',
				description: 'Conferences someone has joined that have not started (Twilio\'s "init")',
			},
		],
		default: 'in-progress',
		description: 'Which conferences to list: Twilio lists one status at a time',
		displayOptions: show('getAll'),
		routing: { send: { type: 'query', property: 'Status' } },
	},
	filtersCollection(show('getAll').show, [
		...dateFilterFields('DateCreated', 'conferences'),
		{
			displayName: 'Friendly Name',
			name: 'friendlyName',
			type: 'string',
			default: '',
			placeholder: 'e.g. support-42',
			description: 'Only conferences with exactly this friendly name',
			routing: { send: { type: 'query', property: 'FriendlyName' } },
		},
		...dateFilterFields('DateUpdated', 'conferences'),
	]),
];
