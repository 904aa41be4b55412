import type { INodeProperties } from 'n8n-workflow';

import { ANNOUNCE_PARAMETERS, END_PARAMETERS } from '../../helpers/apiParameters';
import { CONFERENCE_LIST_KEY, conferenceListQuery } from '../../helpers/conferenceList';
import { prepareRequest } from '../../helpers/requests';
import { simplifyWhenAsked } from '../../helpers/simplify';
import { loopRouting } from '../routing';

import { TARGET_CONFERENCE } from './fields';

export { conferenceFields } from './fields';

/**
 * Twilio has one update for a conference, which does two unrelated things: end it for everyone, or play an
 * announcement to everyone. They are two operations here, so that a person and an AI agent choose the one they
 * mean and an announcement can never end a call by mistake.
 */
export const conferenceOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['conference'] } },
	options: [
		{
			name: 'Announce',
			value: 'announce',
			action: 'Announce to a conference',
			description:
				'Play an audio file or TwiML message to everyone in a live conference at once; nobody is removed. Needs the conference and an Announce URL; returns the conference.',
			routing: loopRouting('POST', {
				readOnly: false,
				prepare: prepareRequest({
					target: 'conference',
					conferenceParameter: TARGET_CONFERENCE,
					parameters: ANNOUNCE_PARAMETERS,
					required: { AnnounceUrl: 'Announce URL' },
				}),
				output: simplifyWhenAsked,
			}),
		},
		{
			name: 'End',
			value: 'end',
			action: 'End a conference',
			description:
				"End a live conference for everyone: every participant's call is hung up and nobody can join it again. Needs the conference; returns it, completed, with the reason it ended.",
			routing: loopRouting(
				'POST',
				{
					readOnly: false,
					prepare: prepareRequest({
						target: 'conference',
						conferenceParameter: TARGET_CONFERENCE,
						parameters: END_PARAMETERS,
					}),
					output: simplifyWhenAsked,
				},
				{ Status: 'completed' },
			),
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a conference',
			description:
				'Read one conference by SID, or a live one by its friendly name. Returns its status and region and, once it has ended, why and which call ended it.',
			routing: loopRouting('GET', {
				readOnly: true,
				prepare: prepareRequest({ target: 'conference', conferenceParameter: TARGET_CONFERENCE }),
				output: simplifyWhenAsked,
			}),
		},
		{
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
		},
	],
	default: 'get',
};
