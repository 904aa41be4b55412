import type { INodePropertyOptions } from 'n8n-workflow';

import { prepareRequest } from '../../helpers/requests';
import { simplifyWhenAsked } from '../../helpers/simplify';
import { loopRouting } from '../routing';

import { TARGET_CONFERENCE } from './fields';

/** Get needs only the shared conference field (fields.ts). */
export const getOperation: INodePropertyOptions = {
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
};
