'use strict';
// Request routing for the simulated Twilio 2010-04-01 API. Each handler gets a
// context and returns { status, body, headers? }; failures are thrown as
// ApiError / ParamError and turned into Twilio-shaped JSON by index.js.

const { safeDecode } = require('./util');
const { ParamError, validateCreate, validateUpdate, validateParams, parseBoolFilter } = require('./validate');
const { paginate, pagingParams, single } = require('./paging');
const { listConferences } = require('./conference-list');
const { checkLabel, labelInUse, conferenceFull } = require('./rules');
const { listRecordings, recordingRoute } = require('./recording-routes');

const CONFERENCE_SID = /^CF[0-9a-fA-F]{32}$/;

class ApiError extends Error {
	constructor(status, code, message, headers) {
		super(message);
		this.status = status;
		this.code = code;
		this.headers = headers;
	}
}

const notFound = (path) => new ApiError(404, 20404, `The requested resource ${path} was not found`);

/** Strip the ".json" suffix from a raw segment, then percent-decode it once. */
function jsonSegment(raw) {
	if (!raw || !raw.endsWith('.json')) return null;
	return safeDecode(raw.slice(0, -5));
}

/** POST bodies must be form-encoded when they carry anything at all. */
function requireForm(ctx) {
	if (ctx.rawBody === '') return;
	const mime = (ctx.contentType || '').split(';')[0].trim().toLowerCase();
	if (mime !== 'application/x-www-form-urlencoded') {
		throw new ParamError(
			20001,
			`Request body must be application/x-www-form-urlencoded, got '${ctx.contentType || 'none'}'`,
		);
	}
}

function route(ctx) {
	const { store, accountSid } = ctx;
	const segs = ctx.path.slice(1).split('/');
	if (segs[0] !== '2010-04-01' || segs[1] !== 'Accounts' || segs.length < 3) throw notFound(ctx.path);
	const methods = (allowed) => {
		if (!allowed.includes(ctx.method)) throw new ApiError(405, 20004, 'Method not allowed');
	};

	if (segs.length === 3) {
		if (jsonSegment(segs[2]) !== accountSid) throw notFound(ctx.path);
		methods(['GET']);
		// Standard API keys may use everything but /Accounts (and /Keys).
		if (ctx.standardKey) {
			throw new ApiError(401, 20003, 'Authenticate', { 'WWW-Authenticate': 'Basic realm="Twilio API"' });
		}
		return { status: 200, body: ctx.accountJson() };
	}
	if (safeDecode(segs[2]) !== accountSid) throw notFound(ctx.path);

	if (segs.length === 5 && segs[3] === 'Calls') {
		methods(['GET']);
		const p = store.findCall(jsonSegment(segs[4]));
		if (!p) throw notFound(ctx.path);
		return { status: 200, body: store.callJson(p) };
	}

	if (segs.length === 4 && segs[3] === 'Conferences.json') {
		methods(['GET']);
		return listConferences(ctx);
	}
	if (segs[3] !== 'Conferences' || segs.length < 5) throw notFound(ctx.path);

	if (segs.length === 5) {
		const conf = conferenceBySid(ctx, jsonSegment(segs[4]));
		methods(['GET', 'POST']);
		if (ctx.method === 'POST') return updateConference(ctx, conf);
		return { status: 200, body: store.conferenceJson(conf) };
	}

	if (segs.length === 6 && segs[5] === 'Participants.json') {
		const confKey = safeDecode(segs[4]);
		if (!confKey) throw notFound(ctx.path);
		methods(['GET', 'POST']);
		if (ctx.method === 'POST') return createParticipant(ctx, confKey);
		return listParticipants(ctx, conferenceBySid(ctx, confKey));
	}

	if (segs.length === 6 && segs[5] === 'Recordings.json') {
		const conf = conferenceBySid(ctx, safeDecode(segs[4]));
		methods(['GET']);
		return listRecordings(ctx, conf);
	}
	if (segs.length === 7 && segs[5] === 'Recordings') {
		const conf = conferenceBySid(ctx, safeDecode(segs[4]));
		return recordingRoute(ctx, conf, jsonSegment(segs[6]), { methods, notFound, requireForm });
	}

	if (segs.length === 7 && segs[5] === 'Participants') {
		const conf = conferenceBySid(ctx, safeDecode(segs[4]));
		const key = jsonSegment(segs[6]);
		const p = key === null ? undefined : store.findParticipant(conf.sid, key);
		if (!p) throw notFound(ctx.path);
		methods(['GET', 'POST', 'DELETE']);
		if (ctx.method === 'GET') return { status: 200, body: store.participantJson(p) };
		if (ctx.method === 'DELETE') {
			store.removeParticipant(p);
			return { status: 204, body: null };
		}
		return updateParticipant(ctx, p);
	}
	throw notFound(ctx.path);
}

function conferenceBySid(ctx, sid) {
	const conf = sid && CONFERENCE_SID.test(sid) ? ctx.store.conferences.get(sid) : undefined;
	if (!conf) throw notFound(ctx.path);
	return conf;
}

const CONFERENCE_UPDATE = {
	Status: { type: 'enum', values: ['completed'] },
	AnnounceUrl: { type: 'uri' },
	AnnounceMethod: { type: 'enum', values: ['GET', 'POST'] },
};

/** Status=completed ends the conference for everyone; AnnounceUrl plays to everyone in it. */
function updateConference(ctx, conf) {
	requireForm(ctx);
	const { values, ignored } = validateParams(CONFERENCE_UPDATE, ctx.body);
	const completed = ctx.store.conferenceStatus(conf) === 'completed';
	if (values.AnnounceUrl) {
		// Twilio documents no code for announcing to a finished conference; the simulator refuses it rather than pretend.
		if (completed) throw new ParamError(20001, `Conference ${conf.sid} has completed; there is no one to announce to`);
		conf.announcements = [
			...(conf.announcements || []),
			{ url: values.AnnounceUrl, method: values.AnnounceMethod ?? 'POST' },
		];
		conf.updatedAt = ctx.nowMs();
	}
	conf.updates = [...(conf.updates || []), { ...values, ignored }];
	if (values.Status === 'completed' && !completed) ctx.store.endConference(conf, 'conference-ended-via-api');
	return { status: 200, body: ctx.store.conferenceJson(conf) };
}

function listParticipants(ctx, conf) {
	const { store, query } = ctx;
	const filters = {
		muted: parseBoolFilter('Muted', query.Muted),
		hold: parseBoolFilter('Hold', query.Hold),
		coaching: parseBoolFilter('Coaching', query.Coaching),
	};
	const page = paginate({
		items: store.listParticipants(conf.sid, filters),
		idOf: (p) => p.callSid,
		path: `${store.base}/Conferences/${conf.sid}/Participants.json`,
		filters: [
			['Muted', query.Muted],
			['Hold', query.Hold],
			['Coaching', query.Coaching],
		],
		key: 'participants',
		...pagingParams(query),
	});
	page.participants = page.participants.map((p) => store.participantJson(p));
	return { status: 200, body: page };
}

function createParticipant(ctx, confKey) {
	const { store } = ctx;
	let conf;
	if (CONFERENCE_SID.test(confKey)) {
		conf = conferenceBySid(ctx, confKey);
		if (store.conferenceStatus(conf) === 'completed') {
			throw new ParamError(20001, `Conference ${conf.sid} has completed; no participants can be added`);
		}
	} else {
		conf = store.findOpenByName(confKey);
	}
	requireForm(ctx);
	const { values: v, ignored } = validateCreate(ctx.body);
	const label = v.Label || null;
	if (label !== null) checkLabel(label);
	if (label !== null && conf && store.labelTaken(conf.sid, label)) throw labelInUse(label);
	if (conf && store.isFull(conf)) throw conferenceFull(conf);
	// The participant that starts the conference sets its size; later ones cannot change it.
	if (!conf) {
		conf = store.createConference({
			friendlyName: confKey,
			region: v.Region || 'us1',
			maxParticipants: v.MaxParticipants,
		});
	}
	const p = store.addParticipant(conf, {
		dialAt: ctx.scheduleDial(),
		label,
		muted: v.Muted,
		coaching: v.Coaching ?? Boolean(v.CallSidToCoach),
		callSidToCoach: v.CallSidToCoach,
		endConferenceOnExit: v.EndConferenceOnExit,
		startConferenceOnEnter: v.StartConferenceOnEnter,
		params: { ...v, ignored },
	});
	return { status: 201, body: store.participantJson(p, { created: true }) };
}

function updateParticipant(ctx, p) {
	requireForm(ctx);
	const { values: v, ignored } = validateUpdate(ctx.body, p.callSidToCoach);
	if (v.Muted !== undefined) p.muted = v.Muted;
	if (v.Hold !== undefined) p.hold = v.Hold;
	if (v.EndConferenceOnExit !== undefined) p.endConferenceOnExit = v.EndConferenceOnExit;
	if (v.CallSidToCoach !== undefined) p.callSidToCoach = v.CallSidToCoach;
	if (v.Coaching !== undefined) p.coaching = v.Coaching;
	p.updates = [...(p.updates || []), { ...v, ignored }];
	p.updatedAt = ctx.nowMs();
	return { status: 200, body: ctx.store.participantJson(p) };
}

module.exports = { route, ApiError };
