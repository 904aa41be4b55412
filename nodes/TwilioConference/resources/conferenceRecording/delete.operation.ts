import type { INodePropertyOptions } from 'n8n-workflow';

import { deletedResult, prepareRequest } from '../../helpers/requests';
import { loopRouting } from '../routing';

/** Delete needs only the shared Conference and Recording fields (fields.ts). */
export const deleteOperation: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a conference recording',
	description:
		'Delete a recording of a conference for good, its audio included. Needs the conference and the recording SID; returns deleted: true with both SIDs.',
	routing: loopRouting('DELETE', {
		readOnly: false,
		prepare: prepareRequest({ target: 'recording' }),
		output: deletedResult,
	}),
};
