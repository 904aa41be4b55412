import type { INodeProperties } from 'n8n-workflow';

import { ANNOUNCE_PARAMETERS } from '../../helpers/apiParameters';
import { conferenceField, filtersCollection } from '../../helpers/descriptions';
import { toProperty } from '../../helpers/fields';
import { dateFilterFields } from '../../helpers/listFilters';

const show = (...operation: string[]) => ({ show: { operation, resource: ['conference'] } });

/**
 * Conference's own operations name their conference in a parameter of its own, not in the participants' and
 * recordings' `conference`: n8n's routing evaluates a parameter once for every property of that name, shown or
 * hidden, in both of its walks per item, so a second `conference` would double the cost of a mapped SID.
 */
export const TARGET_CONFERENCE = 'targetConference';

export const conferenceFields: INodeProperties[] = [
	{
		displayName:
			"End hangs up every participant's call at once and closes the conference for good: nobody can join it again. Use Conference Participant → Delete to remove one person.",
		name: 'endNotice',
		type: 'notice',
		default: '',
		displayOptions: show('end'),
	},
	conferenceField({ operation: ['announce', 'end', 'get'], resource: ['conference'] }, TARGET_CONFERENCE),
	{ ...toProperty(ANNOUNCE_PARAMETERS[0]), required: true, displayOptions: show('announce') },
	{ ...toProperty(ANNOUNCE_PARAMETERS[1]), displayOptions: show('announce') },
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
