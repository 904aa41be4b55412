import type { INodePropertyOptions } from 'n8n-workflow';

import { prepareRequest } from '../../helpers/requests';
import { simplifyWhenAsked } from '../../helpers/simplify';
import { loopRouting } from '../routing';

/** Get needs only the shared Conference and Recording fields (fields.ts). */
export const getOperation: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a conference recording',
	description:
		'Read one recording of a conference. Needs the conference and the recording SID; returns its status, start time, duration and channels.',
	routing: loopRouting('GET', {
		readOnly: true,
		prepare: prepareRequest({ target: 'recording' }),
		output: simplifyWhenAsked,
	}),
};
