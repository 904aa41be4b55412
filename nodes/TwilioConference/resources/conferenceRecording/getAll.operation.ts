import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { filtersCollection } from '../../helpers/descriptions';
import { checkedDates, CREATED_KEYS, dateFilterFields } from '../../helpers/listFilters';
import { prepareRequest } from '../../helpers/requests';
import { simplifyWhenAsked } from '../../helpers/simplify';
import { loopRouting } from '../routing';

import { NO_START, show } from './fields';

export const getAllOperation: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many conference recordings',
	description: `List the recordings of a conference, newest first, optionally by the day they were created. Returns one item per recording. ${NO_START}`,
	routing: loopRouting('GET', {
		readOnly: true,
		listKey: 'recordings',
		prepare: prepareRequest({ target: 'recordings', query: (query) => checkedDates(query, CREATED_KEYS) }),
		output: simplifyWhenAsked,
	}),
};

export const getAllFields: INodeProperties[] = [
	filtersCollection(show('getAll').show, dateFilterFields('DateCreated', 'recordings')),
];
