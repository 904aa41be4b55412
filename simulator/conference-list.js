'use strict';
// GET /Conferences.json: the filters Twilio documents for the list, and its
// default since 30 September 2026: without Status, only in-progress
// conferences are listed.

const { checkValue } = require('./validate');
const { paginate, pagingParams, single } = require('./paging');
const { dateFilters } = require('./date-filters');

const DEFAULT_STATUS = 'in-progress';
const STATUSES = ['init', 'in-progress', 'completed'];

function listConferences(ctx) {
	const { store, query } = ctx;
	const friendlyName = single(query, 'FriendlyName');
	const status = single(query, 'Status');
	if (status !== undefined) checkValue('Status', { type: 'enum', values: STATUSES }, status);
	const wanted = status ?? DEFAULT_STATUS;
	const dates = dateFilters(query, [
		['DateCreated', 'createdAt'],
		['DateUpdated', 'updatedAt'],
	]);
	const tests = [(c, current) => current === wanted, ...dates.tests];
	if (friendlyName !== undefined) tests.push((c) => c.friendlyName === friendlyName);
	const page = paginate({
		items: store.listConferences(tests),
		idOf: (c) => c.sid,
		path: `${store.base}/Conferences.json`,
		filters: [['FriendlyName', friendlyName], ['Status', status], ...dates.given],
		key: 'conferences',
		...pagingParams(query),
	});
	page.conferences = page.conferences.map(store.conferenceJson);
	return { status: 200, body: page };
}

module.exports = { listConferences, DEFAULT_STATUS };
