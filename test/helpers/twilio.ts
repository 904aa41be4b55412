/** A simulator per test file, with the credentials that point the node at it. */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createSimulator } = require('../../simulator');

export const ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';
export const AUTH_TOKEN = 'tok_3f9a_secret_do_not_leak_71c2';

export interface LoggedRequest {
	method: string;
	path: string;
	pathSegments: string[];
	query: Record<string, string | string[]>;
	body: Record<string, string | string[]>;
	rawBody: string;
	headers: Record<string, string>;
	contentType?: string;
	authUser?: string;
	status: number | null;
	fault: string | null;
	rawQuery: string;
}

export interface Simulator {
	url: string;
	accountSid: string;
	authToken: string;
	requests: LoggedRequest[];
	clearRequests(): void;
	seedConference(options: {
		friendlyName: string;
		status?: string;
		region?: string;
		createdAt?: number | Date;
		updatedAt?: number | Date;
		reasonConferenceEnded?: string;
		callSidEndingConference?: string;
	}): { sid: string; friendly_name: string };
	seedParticipants(
		conferenceSid: string,
		count: number,
		overrides?: object | ((i: number) => object),
	): Array<{ call_sid: string; label: string | null }>;
	seedRecordings(
		conferenceSid: string,
		count: number,
		overrides?: object | ((i: number) => object),
	): Array<{ sid: string; conference_sid: string; status: string }>;
	state: {
		conferences: Array<{
			sid: string;
			friendly_name: string;
			status: string;
			updates: Array<Record<string, unknown>>;
			announcements: unknown[];
		}>;
		participants: Array<Record<string, unknown>>;
		recordings: Array<{
			sid: string;
			conference_sid: string;
			status: string;
			duration: string | null;
			updates: Array<Record<string, unknown>>;
		}>;
	};
	inject(fault: Record<string, unknown>): void;
	clearFaults(): void;
	setCallsPerSecond(n: number): void;
	stats(): { total: number; byStatus: Record<string, number> };
	close(): Promise<void>;
}

export async function startSimulator(options: Record<string, unknown> = {}): Promise<Simulator> {
	return (await createSimulator({
		accountSid: ACCOUNT_SID,
		authToken: AUTH_TOKEN,
		callsPerSecond: 0,
		connectAfterMs: 0,
		...options,
	})) as Simulator;
}

export function credentialsFor(
	sim: Simulator,
	overrides: ICredentialDataDecryptedObject = {},
): ICredentialDataDecryptedObject {
	return { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, baseUrl: sim.url, ...overrides };
}

/** The requests that reached the participants API (the log also holds faults and the like). */
export function participantRequests(sim: Simulator) {
	return sim.requests.filter((request) => request.path.includes('/Participants'));
}

/** The requests that reached one conference (the conference itself or its recordings), not the list. */
export function conferenceRequests(sim: Simulator) {
	return sim.requests.filter((request) => /\/Conferences\/CF[0-9a-f]{32}(\.json|\/Recordings)/.test(request.path));
}

/** The requests for the Conferences list (Get Many, pickers, friendly-name look-ups). */
export function conferenceListRequests(sim: Simulator) {
	return sim.requests.filter((request) => request.path.endsWith('/Conferences.json'));
}

/**
 * One simulator for a test file. After the file, every request it received is checked against the OpenAPI
 * contract, and the simulator is closed.
 */
export function useSimulator(
	options: Record<string, unknown> = {},
	/** Body keys beyond the OpenAPI description that this file sends on purpose (Custom Parameters). */
	extraBodyParameters: string[] = [],
): { readonly sim: Simulator; readonly credentials: ICredentialDataDecryptedObject } {
	let sim: Simulator | undefined;
	const all: LoggedRequest[] = [];
	beforeAll(async () => {
		sim = await startSimulator(options);
	});
	afterEach(() => {
		if (!sim) return;
		all.push(...sim.requests);
		sim.clearRequests();
		sim.clearFaults();
	});
	afterAll(async () => {
		await sim?.close();
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { contractViolations } = require('./contract') as typeof import('./contract');
		const checked = all
			.filter((r) => r.fault === null)
			.map((r) => ({
				...r,
				body: Object.fromEntries(Object.entries(r.body).filter(([key]) => !extraBodyParameters.includes(key))),
			}));
		expect(checked.flatMap(contractViolations)).toEqual([]);
	});
	return {
		get sim() {
			if (!sim) throw new Error('simulator not started');
			return sim;
		},
		get credentials() {
			return credentialsFor(this.sim);
		},
	};
}
