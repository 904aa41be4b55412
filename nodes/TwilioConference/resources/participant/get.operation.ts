import type { INodePropertyOptions } from 'n8n-workflow';

import { prepareRequest } from '../../helpers/requests';
import { simplifyWhenAsked } from '../../helpers/simplify';
import { loopRouting } from '../routing';

/** Get needs only the shared Conference and Participant fields (fields.ts). */
export const getOperation: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a conference participant',
	description:
		'Read one participant of a live conference by Call SID or label. Returns its status, muted, hold and coaching state.',
	routing: loopRouting('GET', {
		readOnly: true,
		prepare: prepareRequest({ target: 'participant' }),
		output: simplifyWhenAsked,
	}),
};
