import type { INodeProperties } from 'n8n-workflow';

import { conferenceField, optionsCollection, simplifyField } from '../helpers/descriptions';

/**
 * Fields that several resources share are declared once, not once per resource: n8n's routing evaluates every
 * top-level property for every item, hidden or not, so each copy would cost an expression evaluation per item.
 */
const RESOURCES = ['participant', 'conference', 'conferenceRecording'];

/** Every participant and recording operation names its conference; Conference's own operations have theirs. */
export const conferenceOfParticipantsAndRecordings = conferenceField({
	resource: ['participant', 'conferenceRecording'],
});

const showOnlyForGetMany = { operation: ['getAll'] };

export const returnAll: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
	displayOptions: { show: showOnlyForGetMany },
};

export const limit: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	default: 50,
	typeOptions: { minValue: 1 },
	description: 'Max number of results to return',
	displayOptions: { show: { ...showOnlyForGetMany, returnAll: [false] } },
};

export const simplify: INodeProperties[] = [
	simplifyField({ operation: ['announce', 'create', 'end', 'get', 'update'] }),
	// Get Many usually feeds lists and tables, so it starts simplified.
	{ ...simplifyField(showOnlyForGetMany), default: true },
];

export const options = optionsCollection({ resource: RESOURCES });
