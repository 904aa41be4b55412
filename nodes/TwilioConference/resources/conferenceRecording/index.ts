/**
 * Resource Conference Recording. Each operation lives in its own file (<operation>.operation.ts) with its
 * routing and the fields only it has; what several recording operations share (the notice that Twilio cannot
 * start a recording, the recording locator) is in fields.ts.
 */
import type { INodeProperties } from 'n8n-workflow';

import { deleteOperation } from './delete.operation';
import { recording, recordingNotice, RESOURCE } from './fields';
import { getOperation } from './get.operation';
import { getAllFields, getAllOperation } from './getAll.operation';
import { updateFields, updateOperation } from './update.operation';

export const recordingOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: RESOURCE } },
	options: [deleteOperation, getOperation, getAllOperation, updateOperation],
	default: 'get',
};

export const recordingFields: INodeProperties[] = [recordingNotice, recording, ...updateFields, ...getAllFields];
