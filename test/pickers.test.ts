/**
 * The pickers' From List mode: the list searches the editor calls for conferences, participants and conference
 * recordings (what each typed mode then sends: locators.test.ts).
 */
import { runListSearch } from './helpers/engine';
import { ACCOUNT_SID, startSimulator, useSimulator } from './helpers/twilio';

const env = useSimulator();
const rl = (mode: string, value: string) => ({ __rl: true, mode, value });
const NOV_1 = Date.UTC(2026, 10, 1, 8);

describe('Conference picker: From List', () => {
	test('lists live conferences newest first, pages through next_page_uri, and skips finished ones', async () => {
		const sim = await startSimulator();
		try {
			const t0 = Date.now() - 1_000_000;
			for (let i = 0; i < 130; i++)
				sim.seedConference({ friendlyName: `room ${String(i).padStart(3, '0')}`, createdAt: t0 + i * 1000 } as never);
			sim.seedConference({ friendlyName: 'finished room', status: 'completed' });
			const credentials = { accountSid: ACCOUNT_SID, authToken: sim.authToken, baseUrl: sim.url };
			const first = await runListSearch('searchConferences', { parameters: {}, credentials });
			expect(first.results).toHaveLength(100);
			expect(first.results[0].name).toBe('room 129');
			expect(first.results[0].value).toMatch(/^CF[0-9a-f]{32}$/);
			expect(first.paginationToken).toMatch(/^\/2010-04-01\/Accounts\/.*\/Conferences\.json\?/);
			const second = await runListSearch('searchConferences', {
				parameters: {},
				credentials,
				paginationToken: first.paginationToken,
			});
			expect(second.results).toHaveLength(30);
			expect(second.paginationToken).toBeUndefined();
			const names = [...first.results, ...second.results].map((r) => r.name);
			expect(new Set(names).size).toBe(130);
			expect(names).not.toContain('finished room');
			expect(sim.requests[0].query).toEqual({ Status: 'in-progress', PageSize: '100' });
		} finally {
			await sim.close();
		}
	});

	test('filters by part of the friendly name or SID, case-insensitively, across pages', async () => {
		const sim = await startSimulator();
		try {
			for (let i = 0; i < 250; i++)
				sim.seedConference({ friendlyName: i % 50 === 7 ? `Sales Sync ${i}` : `other ${i}` });
			const credentials = { accountSid: ACCOUNT_SID, authToken: sim.authToken, baseUrl: sim.url };
			const found = await runListSearch('searchConferences', { parameters: {}, credentials, filter: 'sales sync' });
			expect(found.results.map((r) => r.name).sort()).toEqual([
				'Sales Sync 107',
				'Sales Sync 157',
				'Sales Sync 207',
				'Sales Sync 57',
				'Sales Sync 7',
			]);
			const bySid = await runListSearch('searchConferences', {
				parameters: {},
				credentials,
				filter: String(found.results[0].value).slice(-10).toUpperCase(),
			});
			expect(bySid.results.map((r) => r.value)).toEqual([found.results[0].value]);
		} finally {
			await sim.close();
		}
	});

	test('an empty account gives an empty list', async () => {
		const sim = await startSimulator();
		try {
			const result = await runListSearch('searchConferences', {
				parameters: {},
				credentials: { accountSid: ACCOUNT_SID, authToken: sim.authToken, baseUrl: sim.url },
			});
			expect(result).toEqual({ results: [], paginationToken: undefined });
		} finally {
			await sim.close();
		}
	});

	test('bad credentials give a message that says what to do', async () => {
		await expect(
			runListSearch('searchConferences', { parameters: {}, credentials: { ...env.credentials, authToken: 'wrong' } }),
		).rejects.toThrow(
			'Twilio did not accept the credentials. Check the Account SID and Auth Token (or API key) in the credential, or enter the value by SID instead.',
		);
	});
});

describe('Participant picker: From List', () => {
	test("shows the chosen conference's participants as label, number and status", async () => {
		const conference = env.sim.seedConference({ friendlyName: 'picker room' });
		const seeded = env.sim.seedParticipants(conference.sid, 3, (i: number) => ({
			label: i === 1 ? null : `agent ${i}`,
			to: `+1555000000${i}`,
		}));
		const result = await runListSearch('searchParticipants', {
			parameters: { conference: rl('list', conference.sid) },
			credentials: env.credentials,
		});
		expect(result.results).toEqual([
			{ name: 'agent 0 · +15550000000 · connected', value: seeded[0].call_sid, description: seeded[0].call_sid },
			{ name: '(no label) · +15550000001 · connected', value: seeded[1].call_sid, description: seeded[1].call_sid },
			{ name: 'agent 2 · +15550000002 · connected', value: seeded[2].call_sid, description: seeded[2].call_sid },
		]);
		const filtered = await runListSearch('searchParticipants', {
			parameters: { conference: rl('id', conference.sid) },
			credentials: env.credentials,
			filter: 'AGENT 2',
		});
		expect(filtered.results.map((r) => r.value)).toEqual([seeded[2].call_sid]);
	});

	test('works when the conference was given by friendly name', async () => {
		const conference = env.sim.seedConference({ friendlyName: 'named picker room' });
		const [only] = env.sim.seedParticipants(conference.sid, 1, { label: 'solo' });
		const result = await runListSearch('searchParticipants', {
			parameters: { conference: rl('name', 'named picker room') },
			credentials: env.credentials,
		});
		expect(result.results.map((r) => r.value)).toEqual([only.call_sid]);
	});

	test('pages through next_page_uri', async () => {
		const conference = env.sim.seedConference({ friendlyName: 'crowded' });
		env.sim.seedParticipants(conference.sid, 70);
		const first = await runListSearch('searchParticipants', {
			parameters: { conference: rl('list', conference.sid) },
			credentials: env.credentials,
		});
		const second = await runListSearch('searchParticipants', {
			parameters: { conference: rl('list', conference.sid) },
			credentials: env.credentials,
			paginationToken: first.paginationToken,
		});
		expect([first.results.length, second.results.length, second.paginationToken]).toEqual([50, 20, undefined]);
	});

	test.each([
		['no conference chosen yet', { conference: rl('list', '') }, 'Choose a conference first'],
		[
			'a friendly name that matches nothing',
			{ conference: rl('name', 'nobody here') },
			'No conference named "nobody here" is in progress',
		],
	])('%s gives a helpful message', async (_name, parameters, message) => {
		await expect(runListSearch('searchParticipants', { parameters, credentials: env.credentials })).rejects.toThrow(
			message,
		);
	});

	test('bad credentials give a message that says what to do', async () => {
		const conference = env.sim.seedConference({ friendlyName: 'locked' });
		await expect(
			runListSearch('searchParticipants', {
				parameters: { conference: rl('list', conference.sid) },
				credentials: { ...env.credentials, authToken: 'wrong' },
			}),
		).rejects.toThrow('Twilio did not accept the credentials');
	});
});

describe('Recording picker: From List', () => {
	test("lists the chosen conference's recordings as start time, status and length; pages on scrolling", async () => {
		const conference = env.sim.seedConference({ friendlyName: 'recorded for the picker' });
		const recordings = env.sim.seedRecordings(conference.sid, 60, (i: number) => ({
			createdAt: NOV_1 - i * 60_000,
			status: i === 0 ? 'in-progress' : 'completed',
			duration: 12,
		}));
		const first = await runListSearch('searchConferenceRecordings', {
			parameters: { conference: rl('list', conference.sid) },
			credentials: env.credentials,
		});
		expect(first.results[0]).toEqual({
			name: 'Sun, 01 Nov 2026 08:00:00 +0000 · in-progress',
			value: recordings[0].sid,
			description: recordings[0].sid,
		});
		expect(first.results[1].name).toBe('Sun, 01 Nov 2026 07:59:00 +0000 · completed · 12 s');
		const second = await runListSearch('searchConferenceRecordings', {
			parameters: { conference: rl('list', conference.sid) },
			credentials: env.credentials,
			paginationToken: first.paginationToken,
		});
		expect([first.results.length, second.results.length, second.paginationToken]).toEqual([50, 10, undefined]);
		const searched = await runListSearch('searchConferenceRecordings', {
			parameters: { conference: rl('list', conference.sid) },
			credentials: env.credentials,
			filter: 'IN-PROGRESS',
		});
		expect(searched.results.map((r) => r.value)).toEqual([recordings[0].sid]);
	});

	test('with the conference by friendly name, and a message when none is chosen yet', async () => {
		const conference = env.sim.seedConference({ friendlyName: 'picked by name' });
		const [only] = env.sim.seedRecordings(conference.sid, 1);
		const found = await runListSearch('searchConferenceRecordings', {
			parameters: { conference: rl('name', 'picked by name') },
			credentials: env.credentials,
		});
		expect(found.results.map((r) => r.value)).toEqual([only.sid]);
		await expect(
			runListSearch('searchConferenceRecordings', {
				parameters: { conference: rl('list', '') },
				credentials: env.credentials,
			}),
		).rejects.toThrow('Choose a conference first: this list shows the recordings of the selected conference');
	});
});
