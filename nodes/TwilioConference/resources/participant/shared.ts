import type { INodeProperties } from 'n8n-workflow';

import {
	conferenceField,
	customParametersField,
	optionsCollection,
	participantField,
	simplifyField,
} from '../../shared/descriptions';

/**
 * Fields that several operations share are declared once, not once per operation: n8n's routing evaluates every
 * top-level property for every item, hidden or not, so each copy would cost an expression evaluation per item.
 */
const forOperations = (...operation: string[]) => ({ operation, resource: ['participant'] });

export const conference = conferenceField(forOperations('create', 'delete', 'get', 'getAll', 'update'));

export const participant = participantField(forOperations('delete', 'get', 'update'));

export const customParameters = customParametersField(forOperations('create', 'update'));

export const simplify: INodeProperties[] = [
	simplifyField(forOperations('create', 'get', 'update')),
	// Get Many usually feeds lists and tables, so it starts simplified.
	{ ...simplifyField(forOperations('getAll')), default: true },
];

export const options = optionsCollection(forOperations('create', 'delete', 'get', 'getAll', 'update'));
