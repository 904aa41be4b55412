/**
 * Resource Conference. Each operation lives in its own file (<operation>.operation.ts) with its routing and the
 * fields only it has; what several conference operations share (the conference they act on) is in fields.ts.
 *
 * Twilio has one update for a conference, which does two unrelated things: end it for everyone, or play an
 * announcement to everyone. They are two operations here, so that a person and an AI agent choose the one they
 * mean and an announcement can never end a call by mistake.
 */
import type { INodeProperties } from 'n8n-workflow';

import { announceFields, announceOperation } from './announce.operation';
import { endNotice, endOperation } from './end.operation';
import { targetConference } from './fields';
import { getOperation } from './get.operation';
import { getAllFields, getAllOperation } from './getAll.operation';

export const conferenceOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['conference'] } },
	options: [announceOperation, endOperation, getOperation, getAllOperation],
	default: 'get',
};

export const conferenceFields: INodeProperties[] = [endNotice, targetConference, ...announceFields, ...getAllFields];
