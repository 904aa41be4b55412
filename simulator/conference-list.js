'use strict';
// GET /Conferences.json: the filters Twilio documents for the list, and its
// default since 30 September 2026: without Status, only in-progress
// conferences are listed.

const { ParamError, checkValue } = require('./validate');
const { paginate, pagingParams, single } = require('./paging');

const DEFAULT_STATUS = 'in-progress';
const STATUSES = ['init', 'in-progress', 'completed'];
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Date filters: `X` matches the UTC day, `X<` the day or before, `X>` the
 * day or after (a query written `DateCreated<=2026-01-05` reaches the server
 * as key `DateCreated<`, value `2026-01-05`).
 */
const DATE_FILTERS = [
	['DateCreated', 'createdAt', 'on'],
	['DateCreated<', 'createdAt', 'onOrBefore'],
	['DateCreated>', 'createdAt', 'onOrAfter'],
	['DateUpdated', 'updatedAt', 'on'],
	['DateUpdated<', 'updatedAt', 'onOrBefore'],
	['DateUpdated>', 'updatedAt', 'onOrAfter'],
];

/** Midnight UTC of a YYYY-MM-DD day, or a 400 for anything else. */
function parseDay(name, value) {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	const ms = m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) : NaN;
	const back = Number.isNaN(ms) ? '' : new Date(ms).toISOString().slice(0, 10);
	if (back !== value) throw new ParamError(20001, `Invalid value '${value}' for parameter ${name}: must be a date as YYYY-MM-DD`);
	return ms;
}

function dateTest(field, relation, dayStart) {
	const dayEnd = dayStart + DAY_MS;
	if (relation === 'on') return (c) => c[field] >= dayStart && c[field] < dayEnd;
	if (relation === 'onOrBefore') return (c) => c[field] < dayEnd;
	return (c) => c[field] >= dayStart;
}

function listConferences(ctx) {
	const { store, query } = ctx;
	const friendlyName = single(query, 'FriendlyName');
	const status = single(query, 'Status');
	if (status !== undefined) checkValue('Status', { type: 'enum', values: STATUSES }, status);
	const wanted = status ?? DEFAULT_STATUS;
	const tests = [(c, current) => current === wanted];
	if (friendlyName !== undefined) tests.push((c) => c.friendlyName === friendlyName);
	const given = [];
	for (const [name, field, relation] of DATE_FILTERS) {
		const value = single(query, name);
		if (value === undefined) continue;
		tests.push(dateTest(field, relation, parseDay(name, value)));
		given.push([name, value]);
	}
	const page = paginate({
		items: store.listConferences(tests),
		idOf: (c) => c.sid,
		path: `${store.base}/Conferences.json`,
		filters: [['FriendlyName', friendlyName], ['Status', status], ...given],
		key: 'conferences',
		...pagingParams(query),
	});
	page.conferences = page.conferences.map(store.conferenceJson);
	return { status: 200, body: page };
}

module.exports = { listConferences, DEFAULT_STATUS };
