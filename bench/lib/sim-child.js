'use strict';
// Runs the project's simulator in a process of its own, so that the contenders' CPU time is not mixed with
// the simulator's. Driven over IPC by ./sim.js.
const { createSimulator } = require('../../simulator');

let sim;

const methods = {
	async start(options) {
		sim = await createSimulator(options);
		return { url: sim.url, port: sim.port, accountSid: sim.accountSid, authToken: sim.authToken };
	},
	seedConference(options) {
		return sim.seedConference(options);
	},
	seedParticipants(conferenceSid, count) {
		return sim.seedParticipants(conferenceSid, count).map((p) => p.call_sid);
	},
	/**
	 * Summary of the logged requests to the participants API, then the log is emptied. With `arrivals`, also
	 * each request in arrival order: what it names (a create's To, an update's Call SID), its status and time.
	 */
	takeRequests(options) {
		const arrivals = options?.arrivals === true;
		const summary = { count: 0, byStatus: {}, byMethod: {}, queries: [], arrivals: arrivals ? [] : undefined };
		for (const r of sim.requests) {
			if (!r.path.includes('/Participants')) continue;
			summary.count += 1;
			summary.byStatus[r.status] = (summary.byStatus[r.status] || 0) + 1;
			summary.byMethod[r.method] = (summary.byMethod[r.method] || 0) + 1;
			if (summary.queries.length < 5) summary.queries.push(r.query);
			if (arrivals)
				summary.arrivals.push({
					key: r.body.To ?? r.pathSegments.at(-1).replace(/\.json$/, ''),
					status: r.status,
					at: r.at,
				});
		}
		sim.clearRequests();
		return summary;
	},
	participantCount() {
		return sim.state.participants.length;
	},
	setCallsPerSecond(n) {
		sim.setCallsPerSecond(n);
	},
	stats() {
		return sim.stats();
	},
	resetStats() {
		sim.resetStats();
	},
	async close() {
		await sim?.close();
		sim = undefined;
	},
};

process.on('message', async ({ id, method, args }) => {
	try {
		const result = await methods[method](...(args || []));
		process.send({ id, result });
	} catch (error) {
		process.send({ id, error: error && error.stack ? error.stack : String(error) });
	}
	if (method === 'close') process.disconnect();
});
process.on('disconnect', () => {
	sim?.close().finally(() => process.exit(0));
	if (!sim) process.exit(0);
});
