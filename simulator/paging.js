'use strict';
// Twilio-style list paging: PageSize / Page / PageToken in, one page with its
// paging URIs out.

const { buildQuery } = require('./util');
const { ParamError } = require('./validate');

function single(query, name) {
	const v = query[name];
	if (Array.isArray(v)) throw new ParamError(20001, `Parameter ${name} was given more than once`);
	return v;
}

function pagingParams(query) {
	const sizeRaw = single(query, 'PageSize');
	const pageRaw = single(query, 'Page');
	let pageSize = 50;
	if (sizeRaw !== undefined) {
		if (!/^\d+$/.test(sizeRaw) || +sizeRaw < 1 || +sizeRaw > 1000) {
			throw new ParamError(20001, `Invalid PageSize '${sizeRaw}': must be an integer between 1 and 1000`);
		}
		pageSize = +sizeRaw;
	}
	let page = 0;
	if (pageRaw !== undefined) {
		if (!/^\d+$/.test(pageRaw)) throw new ParamError(20001, `Invalid Page '${pageRaw}': must be 0 or more`);
		page = +pageRaw;
	}
	return { pageSize, page, pageToken: single(query, 'PageToken') };
}

/**
 * Cut one page out of an ordered list, Twilio style.
 * PageToken "PA<id>" means "items after <id>", "PB<id>" means "items before
 * <id>"; without a token (or if its item is gone) the offset is Page*PageSize.
 * `filters` are [key, value] pairs repeated in every paging URI.
 */
function paginate({ items, idOf, path, filters, pageSize, page, pageToken, key }) {
	let start = page * pageSize;
	const m = /^P([AB])(.+)$/.exec(pageToken || '');
	if (m) {
		const idx = items.findIndex((it) => idOf(it) === m[2]);
		if (idx !== -1) start = m[1] === 'A' ? idx + 1 : Math.max(0, idx - pageSize);
	}
	const slice = items.slice(start, start + pageSize);
	const uriFor = (p, token) =>
		path + buildQuery([...filters, ['PageSize', pageSize], ['Page', p], ['PageToken', token]]);
	const hasNext = start + pageSize < items.length;
	const hasPrev = page > 0 && start > 0 && slice.length > 0;
	return {
		[key]: slice,
		end: slice.length ? start + slice.length - 1 : start,
		first_page_uri: uriFor(0),
		next_page_uri: hasNext && slice.length ? uriFor(page + 1, 'PA' + idOf(slice[slice.length - 1])) : null,
		page,
		page_size: pageSize,
		previous_page_uri: hasPrev ? uriFor(page - 1, 'PB' + idOf(slice[0])) : null,
		start,
		uri: uriFor(page, pageToken || undefined),
	};
}

module.exports = { paginate, pagingParams, single };
