'use strict';
// The simulator's lists: participant and conference filters, newest first, and paging through next_page_uri as
// Twilio pages. Every request goes to 127.0.0.1 only.

const { base, useSimulators, call } = require('./helpers/simulator-client');

const start = useSimulators();

describe('lists and paging', () => {
	test('participants: filters carried through next_page_uri', async () => {
		const sim = await start();
		const conf = sim.seedConference({ friendlyName: 'paging' });
		const seeded = sim.seedParticipants(conf.sid, 13, (i) => ({ muted: i % 3 !== 0, label: `p${i}` }));
		const expected = seeded.filter((p) => p.muted).map((p) => p.call_sid);
		expect(expected).toHaveLength(8);

		const seen = [];
		let next = `${base}/Conferences/${conf.sid}/Participants.json?Muted=true&PageSize=3`;
		const pages = [];
		while (next) {
			const r = await call(sim, 'GET', next);
			expect(r.status).toBe(200);
			pages.push(r.json);
			seen.push(...r.json.participants.map((p) => p.call_sid));
			next = r.json.next_page_uri;
		}
		expect(seen).toEqual(expected);
		expect(pages.map((p) => [p.page, p.page_size, p.start, p.end])).toEqual([
			[0, 3, 0, 2],
			[1, 3, 3, 5],
			[2, 3, 6, 7],
		]);
		expect(pages[0].next_page_uri).toMatch(/\?Muted=true&PageSize=3&Page=1&PageToken=PACA[0-9a-f]{32}$/);
		expect(pages[0].first_page_uri).toBe(
			`${base}/Conferences/${conf.sid}/Participants.json?Muted=true&PageSize=3&Page=0`,
		);
		expect(pages[0].previous_page_uri).toBeNull();
		const back = await call(sim, 'GET', pages[2].previous_page_uri);
		expect(back.json.participants.map((p) => p.call_sid)).toEqual(expected.slice(3, 6));

		const unmuted = await call(sim, 'GET', `${base}/Conferences/${conf.sid}/Participants.json?Muted=false`);
		expect(unmuted.json.participants).toHaveLength(5);
		expect(unmuted.json.page_size).toBe(50);
		for (const q of ['PageSize=0', 'PageSize=1001', 'Page=-1', 'Hold=yes']) {
			const r = await call(sim, 'GET', `${base}/Conferences/${conf.sid}/Participants.json?${q}`);
			expect([q, r.status]).toEqual([q, 400]);
		}
	});

	test('conferences: newest first, Status filter, paging', async () => {
		const sim = await start();
		const made = [1, 2, 3, 4, 5].map((i) => sim.seedConference({ friendlyName: `c${i}` }));
		sim.seedConference({ friendlyName: 'old', status: 'completed' });
		let next = `${base}/Conferences.json?Status=in-progress&PageSize=2`;
		const seen = [];
		while (next) {
			const r = await call(sim, 'GET', next);
			seen.push(...r.json.conferences.map((c) => c.sid));
			next = r.json.next_page_uri;
		}
		expect(seen).toEqual(made.map((c) => c.sid).reverse());
		const done = await call(sim, 'GET', `${base}/Conferences.json?Status=completed`);
		expect(done.json.conferences.map((c) => c.friendly_name)).toEqual(['old']);
		const one = await call(sim, 'GET', `${base}/Conferences/${made[0].sid}.json`);
		expect(one.json).toMatchObject({ sid: made[0].sid, friendly_name: 'c1', status: 'in-progress', region: 'us1' });
		expect(one.json.subresource_uris.participants).toBe(`${base}/Conferences/${made[0].sid}/Participants.json`);
	});
});
