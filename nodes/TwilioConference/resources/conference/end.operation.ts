import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { END_PARAMETERS } from '../../helpers/apiParameters';
import { prepareRequest } from '../../helpers/requests';
import { simplifyWhenAsked } from '../../helpers/simplify';
import { loopRouting } from '../routing';

import { show, TARGET_CONFERENCE } from './fields';

export const endOperation: INodePropertyOptions = {
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
};

export const endNotice: INodeProperties = {
	displayName:
		"End hangs up every participant's call at once and closes the conference for good: nobody can join it again. Use Conference Participant → Delete to remove one person.",
	name: 'endNotice',
	type: 'notice',
	default: '',
	displayOptions: show('end'),
};
