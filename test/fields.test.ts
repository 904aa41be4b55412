import type { INodeProperties } from 'n8n-workflow';

import { loadPackage, runNode } from './helpers/engine';
import { createReference, fieldName, sampleFor, updateReference } from './helpers/reference';
import type { ReferenceParameter } from './helpers/reference';
import { participantRequests, useSimulator } from './helpers/twilio';

const env = useSimulator();

const optional = (rows: ReferenceParameter[]) => rows.filter((row) => !row.required);

function samples(rows: ReferenceParameter[]) {
	const fields: Record<string, unknown> = {};
	const wire: Record<string, string | string[]> = {};
	for (const row of rows) {
		const { value, wire: expected } = sampleFor(row);
		fields[fieldName(row.name)] = value;
		wire[row.name] = expected;
	}
	return { fields, wire };
}

async function collection(operation: string, name: string): Promise<INodeProperties[]> {
	const loader = await loadPackage();
	const description = loader.getNode('twilioConference').type.description as { properties: INodeProperties[] };
	const property = description.properties.find((p) => p.name === name && p.displayOptions?.show?.operation?.includes(operation));
	return (property?.options ?? []) as INodeProperties[];
}

test('the reference lists 58 optional Create parameters and 12 Update parameters', () => {
	expect(optional(createReference())).toHaveLength(58);
	expect(updateReference()).toHaveLength(12);
});

test('Create sends all 58 optional parameters, each under Twilio\'s name and in Twilio\'s form', async () => {
	const rows = optional(createReference());
	const { fields, wire } = samples(rows);
	const { items, error } = await runNode({
		parameters: { resource: 'participant', operation: 'create', conference: 'All Fields Room', from: '+15017122661', to: 'sip:alice@example.com', additionalFields: fields },
		credentials: env.credentials,
	});
	expect(error).toBeUndefined();
	expect(items).toHaveLength(1);
	const [request] = participantRequests(env.sim);
	expect(request.body).toEqual({ From: '+15017122661', To: 'sip:alice@example.com', ...wire });
	// Lists go as the key repeated once per value: never Key[]=, never joined with commas.
	expect(request.rawBody).not.toMatch(/%5B%5D|\[\]/);
	expect(request.rawBody.match(/(^|&)ConferenceStatusCallbackEvent=/g)).toHaveLength(9);
	expect(request.rawBody).toContain('StatusCallbackEvent=initiated&StatusCallbackEvent=ringing&StatusCallbackEvent=answered&StatusCallbackEvent=completed');
});

test('Update sends all 12 parameters', async () => {
	const conference = env.sim.seedConference({ friendlyName: 'update-all' });
	const [participant] = env.sim.seedParticipants(conference.sid, 1);
	const { fields, wire } = samples(updateReference());
	const { items, error } = await runNode({
		parameters: { resource: 'participant', operation: 'update', conference: conference.sid, participant: participant.call_sid, updateFields: fields },
		credentials: env.credentials,
	});
	expect(error).toBeUndefined();
	expect(participantRequests(env.sim)[0].body).toEqual(wire);
	expect(items[0].json).toMatchObject({ muted: true, hold: true, coaching: true });
});

test('only the fields the user set are sent', async () => {
	await runNode({
		parameters: { resource: 'participant', operation: 'create', conference: 'Sparse', from: '+15017122661', to: '+15558675310', additionalFields: { record: false, label: '' } },
		credentials: env.credentials,
	});
	expect(participantRequests(env.sim)[0].rawBody).toBe('From=%2B15017122661&To=%2B15558675310&Record=false');
});

test('Time Limit, once added, holds Twilio\'s own default (14400 seconds), and that is what goes out', async () => {
	const field = (await collection('create', 'additionalFields')).find((o) => o.name === 'timeLimit');
	expect(field?.default).toBe(14400);
	await runNode({
		parameters: { resource: 'participant', operation: 'create', conference: 'Time Limit', from: '+15017122661', to: '+15558675310', additionalFields: { timeLimit: field?.default } },
		credentials: env.credentials,
	});
	expect(participantRequests(env.sim)[0].body.TimeLimit).toBe('14400');
});

test('a list given by an expression as text is split into repeated keys', async () => {
	await runNode({
		parameters: { resource: 'participant', operation: 'create', conference: 'Lists', from: '+15017122661', to: '+15558675310', additionalFields: { statusCallbackEvent: '={{ "ringing, answered" }}' } },
		credentials: env.credentials,
	});
	expect(participantRequests(env.sim)[0].rawBody).toContain('StatusCallbackEvent=ringing&StatusCallbackEvent=answered');
});

describe('every parameter has the editor field its type calls for', () => {
	const cases: Array<[string, string, () => ReferenceParameter[]]> = [
		['create', 'additionalFields', () => optional(createReference())],
		['update', 'updateFields', updateReference],
	];
	test.each(cases)('%s', async (operation, name, rows) => {
		const options = await collection(operation, name);
		expect(options.map((o) => o.displayName)).toEqual([...options.map((o) => o.displayName)].sort((a, b) => a.localeCompare(b)));
		for (const row of rows()) {
			const field = options.find((o) => o.name === fieldName(row.name));
			expect(field).toBeDefined();
			const values = (field?.options ?? []).map((o) => (o as { value: string }).value);
			const names = (field?.options ?? []).map((o) => (o as { name: string }).name);
			const range = /^(\d+)\.\.(\d+)$/.exec(row.range);
			if (row.type === 'boolean') expect(field?.type).toBe('boolean');
			else if (row.type === 'integer') {
				expect(field?.type).toBe('number');
				if (range) expect(field?.typeOptions).toMatchObject({ minValue: Number(range[1]), maxValue: Number(range[2]) });
			} else if (row.type.startsWith('array')) {
				expect(field?.type).toBe('multiOptions');
				expect([...values].sort()).toEqual([...row.allowed].sort());
			} else if (row.allowed.length) {
				expect(field?.type).toBe('options');
				expect([...values].sort()).toEqual([...row.allowed].sort());
			} else if (/US or CA/.test(row.range)) {
				expect(values.sort()).toEqual(['CA', 'US']);
			} else expect(field?.type).toBe('string');
			if (field?.type === 'options' || field?.type === 'multiOptions') expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		}
	});
});
