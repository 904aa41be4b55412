import type { INodeProperties } from 'n8n-workflow';

import { loadPackage, runNode } from './helpers/engine';
import { createReference, fieldName, sampleFor, updateReference } from './helpers/reference';
import type { ReferenceParameter } from './helpers/reference';
import { participantRequests, useSimulator } from './helpers/twilio';
import { inCreateGroups } from './helpers/createFields';

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

/** The entries of the named collections of an operation, as the editor receives them. */
async function collection(operation: string, ...names: string[]): Promise<INodeProperties[]> {
	const loader = await loadPackage();
	const description = loader.getNode('twilioConference').type.description as { properties: INodeProperties[] };
	return names.flatMap((name) => {
		const property = description.properties.find(
			(p) =>
				p.name === name &&
				p.displayOptions?.show?.operation?.includes(operation) &&
				!p.displayOptions?.show?.['@version']?.includes(1),
		);
		return (property?.options ?? []) as INodeProperties[];
	});
}

/** Create's optional fields are in five collections, grouped by what they are for. */
const CREATE_COLLECTIONS = [
	'additionalFields',
	'conferenceOptions',
	'recordingOptions',
	'machineDetection',
	'emergencyCalling',
];

test("Create's optional fields are grouped: each collection sorted, together all 58, none twice", async () => {
	const groups = await Promise.all(CREATE_COLLECTIONS.map(async (name) => await collection('create', name)));
	expect(groups.map((g) => g.length)).toEqual([25, 5, 13, 7, 8]);
	for (const group of groups)
		expect(group.map((o) => o.displayName)).toEqual(
			[...group.map((o) => o.displayName)].sort((a, b) => a.localeCompare(b)),
		);
	const names = groups.flat().map((o) => o.name);
	expect(new Set(names).size).toBe(58);
	expect(groups[0].map((o) => o.name)).toContain('label');
	expect(groups[1].map((o) => o.name)).toEqual([
		'conferenceStatusCallback',
		'conferenceStatusCallbackEvent',
		'conferenceStatusCallbackMethod',
		'maxParticipants',
		'region',
	]);
});

test('version 1 workflows keep every optional field in one Additional Fields collection, and it still reaches the wire', async () => {
	const { error } = await runNode({
		parameters: {
			resource: 'participant',
			operation: 'create',
			conference: 'Version 1',
			from: '+15017122661',
			to: '+15558675310',
			additionalFields: { label: 'v1', maxParticipants: 10, record: true },
		},
		typeVersion: 1,
		credentials: env.credentials,
	});
	expect(error).toBeUndefined();
	expect(participantRequests(env.sim)[0].body).toEqual({
		From: '+15017122661',
		To: '+15558675310',
		Label: 'v1',
		MaxParticipants: '10',
		Record: 'true',
	});
});

test('version 2 drops an entry its collection does not hold, as n8n does for any collection', async () => {
	await runNode({
		parameters: {
			resource: 'participant',
			operation: 'create',
			conference: 'Version 2',
			from: '+15017122661',
			to: '+15558675310',
			additionalFields: { label: 'v2', maxParticipants: 10 },
		},
		credentials: env.credentials,
	});
	expect(participantRequests(env.sim)[0].body).toEqual({ From: '+15017122661', To: '+15558675310', Label: 'v2' });
});

test('the reference lists 58 optional Create parameters and 12 Update parameters', () => {
	expect(optional(createReference())).toHaveLength(58);
	expect(updateReference()).toHaveLength(12);
});

test("Create sends all 58 optional parameters, each under Twilio's name and in Twilio's form", async () => {
	const rows = optional(createReference());
	const { fields, wire } = samples(rows);
	const { items, error } = await runNode({
		parameters: {
			resource: 'participant',
			operation: 'create',
			conference: 'All Fields Room',
			from: '+15017122661',
			to: 'sip:alice@example.com',
			...inCreateGroups(fields),
		},
		credentials: env.credentials,
	});
	expect(error).toBeUndefined();
	expect(items).toHaveLength(1);
	const [request] = participantRequests(env.sim);
	expect(request.body).toEqual({ From: '+15017122661', To: 'sip:alice@example.com', ...wire });
	// Lists go as the key repeated once per value: never Key[]=, never joined with commas.
	expect(request.rawBody).not.toMatch(/%5B%5D|\[\]/);
	expect(request.rawBody.match(/(^|&)ConferenceStatusCallbackEvent=/g)).toHaveLength(9);
	expect(request.rawBody).toContain(
		'StatusCallbackEvent=initiated&StatusCallbackEvent=ringing&StatusCallbackEvent=answered&StatusCallbackEvent=completed',
	);
});

test('Update sends all 12 parameters', async () => {
	const conference = env.sim.seedConference({ friendlyName: 'update-all' });
	const [participant] = env.sim.seedParticipants(conference.sid, 1);
	const { fields, wire } = samples(updateReference());
	const { items, error } = await runNode({
		parameters: {
			resource: 'participant',
			operation: 'update',
			conference: conference.sid,
			participant: participant.call_sid,
			updateFields: fields,
		},
		credentials: env.credentials,
	});
	expect(error).toBeUndefined();
	expect(participantRequests(env.sim)[0].body).toEqual(wire);
	expect(items[0].json).toMatchObject({ muted: true, hold: true, coaching: true });
});

test('only the fields the user set are sent', async () => {
	await runNode({
		parameters: {
			resource: 'participant',
			operation: 'create',
			conference: 'Sparse',
			from: '+15017122661',
			to: '+15558675310',
			recordingOptions: { record: false },
			additionalFields: { label: '' },
		},
		credentials: env.credentials,
	});
	expect(participantRequests(env.sim)[0].rawBody).toBe('From=%2B15017122661&To=%2B15558675310&Record=false');
});

/** The reference's default as the form carries it: "14400 (Twilio docs)" -> "14400", "start end" -> a list. */
function wireDefault(row: ReferenceParameter): string | string[] | undefined {
	// Twilio's resource docs give every callback method the default POST, and HoldMethod GET; the table has none.
	if (row.type.includes('http-method')) return row.name === 'HoldMethod' ? 'GET' : 'POST';
	const text = row.default.split(/[;(]/)[0].trim();
	if (!text) return undefined;
	const list = text.split(/\s+/);
	// A form key sent once reads back as one value, twice or more as a list.
	return row.type.startsWith('array') && list.length > 1 ? list : text;
}

describe("every field, once added and left as the editor fills it, sends Twilio's own default or nothing", () => {
	// Exceptions, each a deliberate choice: an added Wait URL left empty means "play nothing" (Twilio's WaitUrl=);
	// Update's Hold and Beep On Exit have no Twilio default, and a switch has to show some position.
	const EXCEPTIONS = ['WaitUrl', 'Hold', 'BeepOnExit'];
	test.each([
		['create', CREATE_COLLECTIONS, () => optional(createReference())],
		['update', ['updateFields'], updateReference],
	] as Array<[string, string[], () => ReferenceParameter[]]>)('%s', async (operation, names, rows) => {
		const conference = env.sim.seedConference({ friendlyName: `defaults ${operation}` });
		env.sim.seedParticipants(conference.sid, 1, { label: 'dflt' });
		const options = await collection(operation, ...names);
		const checked = rows().filter((row) => !EXCEPTIONS.includes(row.name));
		const fields = Object.fromEntries(
			checked.map((row) => [fieldName(row.name), options.find((o) => o.name === fieldName(row.name))?.default]),
		);
		const { error } = await runNode({
			parameters: {
				resource: 'participant',
				operation,
				conference: conference.sid,
				participant: 'dflt',
				from: '+15017122661',
				to: '+15558675310',
				...(operation === 'create' ? inCreateGroups(fields) : { updateFields: fields }),
			},
			credentials: env.credentials,
		});
		expect(error).toBeUndefined();
		const body = participantRequests(env.sim)[0].body;
		const expected: Record<string, string | string[]> =
			operation === 'create' ? { From: '+15017122661', To: '+15558675310' } : {};
		for (const row of checked) {
			const wire = wireDefault(row);
			if (wire !== undefined) expected[row.name] = wire;
		}
		expect(body).toEqual(expected);
	});
});

test('a list given by an expression as text is split into repeated keys', async () => {
	await runNode({
		parameters: {
			resource: 'participant',
			operation: 'create',
			conference: 'Lists',
			from: '+15017122661',
			to: '+15558675310',
			additionalFields: { statusCallbackEvent: '={{ "ringing, answered" }}' },
		},
		credentials: env.credentials,
	});
	expect(participantRequests(env.sim)[0].rawBody).toContain('StatusCallbackEvent=ringing&StatusCallbackEvent=answered');
});

describe('every parameter has the editor field its type calls for', () => {
	const cases: Array<[string, string[], () => ReferenceParameter[]]> = [
		['create', CREATE_COLLECTIONS, () => optional(createReference())],
		['update', ['updateFields'], updateReference],
	];
	test.each(cases)('%s', async (operation, names, rows) => {
		const options = await collection(operation, ...names);
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
				// An option of value '' stands for Twilio's own choice, sends nothing, and is then the default.
				expect(values.filter((v) => v !== '').sort()).toEqual([...row.allowed].sort());
				if (values.includes('')) expect(field?.default).toBe('');
			} else if (/US or CA/.test(row.range)) {
				expect(values.filter((v) => v !== '').sort()).toEqual(['CA', 'US']);
			} else expect(field?.type).toBe('string');
			if (field?.type === 'options' || field?.type === 'multiOptions')
				expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		}
	});
});
