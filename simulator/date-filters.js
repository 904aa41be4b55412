'use strict';
// Twilio's list filters on dates: `X` matches one UTC day, `X<` that day or
// before, `X>` that day or after. A query written `DateCreated<=2026-01-05`
// reaches the server as key `DateCreated<` with value `2026-01-05`, which is
// also what a client percent-encoding the key sends (`DateCreated%3C=…`).

const { ParamError } = require('./validate');
const { single } = require('./paging');

const DAY_MS = 24 * 60 * 60 * 1000;

/** Midnight UTC of a YYYY-MM-DD day, or a 400 for anything else. */
function parseDay(name, value) {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	const ms = m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) : NaN;
	const back = Number.isNaN(ms) ? '' : new Date(ms).toISOString().slice(0, 10);
	if (back !== value)
		throw new ParamError(20001, `Invalid value '${value}' for parameter ${name}: must be a date as YYYY-MM-DD`);
	return ms;
}

function dayTest(field, suffix, dayStart) {
	const dayEnd = dayStart + DAY_MS;
	if (suffix === '') return (record) => record[field] >= dayStart && record[field] < dayEnd;
	if (suffix === '<') return (record) => record[field] < dayEnd;
	return (record) => record[field] >= dayStart;
}

/**
 * The date filters a query gives, for `fields` ([query name, record field] pairs such as
 * ['DateCreated', 'createdAt']): tests on records, and the [key, value] pairs the paging links repeat.
 */
function dateFilters(query, fields) {
	const tests = [];
	const given = [];
	for (const [name, field] of fields) {
		for (const suffix of ['', '<', '>']) {
			const key = name + suffix;
			const value = single(query, key);
			if (value === undefined) continue;
			tests.push(dayTest(field, suffix, parseDay(key, value)));
			given.push([key, value]);
		}
	}
	return { tests, given };
}

module.exports = { dateFilters, parseDay };
