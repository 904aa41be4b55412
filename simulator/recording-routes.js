'use strict';
// The Conference Recording resource: GET /Conferences/{CF}/Recordings.json (DateCreated filters, paging),
// GET|POST|DELETE /Conferences/{CF}/Recordings/{RE}.json. Twilio has no route that starts a conference
// recording: it starts from ConferenceRecord on a participant's create (or TwiML), see recordings.js.

const { ParamError, validateParams } = require('./validate');
const { paginate, pagingParams } = require('./paging');
const { dateFilters } = require('./date-filters');

const UPDATE_RULES = {
	Status: { type: 'enum', values: ['in-progress', 'paused', 'stopped'] },
	PauseBehavior: { type: 'enum', values: ['skip', 'silence'] },
};

function listRecordings(ctx, conf) {
	const { recordings, query, store } = ctx;
	const dates = dateFilters(query, [['DateCreated', 'startedAt']]);
	const page = paginate({
		items: recordings.list(conf.sid).filter((r) => dates.tests.every((test) => test(r))),
		idOf: (r) => r.sid,
		path: `${store.base}/Conferences/${conf.sid}/Recordings.json`,
		filters: dates.given,
		key: 'recordings',
		...pagingParams(query),
	});
	page.recordings = page.recordings.map((r) => recordings.json(r));
	return { status: 200, body: page };
}

/**
 * One recording. Twilio.CURRENT names the conference's live recording, on updates only (the fetch and delete
 * paths take a RE SID). PauseBehavior only matters with Status=paused; otherwise Twilio ignores it.
 */
function recordingRoute(ctx, conf, key, { methods, notFound, requireForm }) {
	const { recordings } = ctx;
	methods(['GET', 'POST', 'DELETE']);
	const recording = key === null ? undefined : recordings.find(conf.sid, key, { allowCurrent: ctx.method === 'POST' });
	if (!recording) throw notFound(ctx.path);
	if (ctx.method === 'GET') return { status: 200, body: recordings.json(recording) };
	if (ctx.method === 'DELETE') {
		recordings.remove(recording);
		return { status: 204, body: null };
	}
	requireForm(ctx);
	const { values, ignored } = validateParams(UPDATE_RULES, ctx.body);
	if (values.Status === undefined) throw new ParamError(20001, 'Missing required parameter Status in the post body');
	if (values.Status !== 'paused' && values.PauseBehavior !== undefined) ignored.push('PauseBehavior');
	recording.updates = [...(recording.updates || []), { ...values, ignored }];
	return {
		status: 200,
		body: recordings.update(recording, values.Status, values.Status === 'paused' ? values.PauseBehavior : undefined),
	};
}

module.exports = { listRecordings, recordingRoute };
