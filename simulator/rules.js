'use strict';
// Twilio's rules for the values that name people and calls on a Participant
// create: the To and From endpoints and the participant label. Each failure
// carries the code Twilio documents for it.

class RuleError extends Error {
	constructor(code, message) {
		super(message);
		this.status = 400;
		this.code = code;
	}
}

// E.164: a plus, a country code that does not start with 0, at most 15 digits in all.
const E164 = /^\+[1-9]\d{1,14}$/;
// Client identities, SIP addresses and TwiML App SIDs may carry custom parameters after '?'.
const CLIENT = /^client:[^\s?]+(\?\S*)?$/;
const SIP = /^sip:[^\s@]+@[^\s@?]+(\?\S*)?$/i;
const APP = /^app:AP[0-9a-fA-F]{32}(\?\S*)?$/;
// The user part of a SIP URI (RFC 3261 unreserved characters and user marks), for a From when dialling SIP.
const SIP_USER = /^[A-Za-z0-9\-_.!~*'()&=$,;]+$/;
// Twilio's own description of a label that would be mistaken for a participant's Call SID.
const CALL_SID_SHAPE = /^CA[0-9a-f]{32}$/;
const LABEL_MAX = 128;

/** To: a phone number, a SIP address, a Client identity or a TwiML App. */
function checkTo(to) {
	if (E164.test(to) || CLIENT.test(to) || SIP.test(to) || APP.test(to)) return;
	throw new RuleError(
		21211,
		`The 'To' number ${to} is not a valid phone number, SIP address, client or app identifier.`,
	);
}

/** From: a phone number, a Client identity, or (when To is a SIP address) a SIP user name. */
function checkFrom(from, to) {
	const ok = E164.test(from) || CLIENT.test(from) || (SIP.test(to) && SIP_USER.test(from));
	// A call to a phone number needs a phone number as its caller ID.
	if (ok && !(E164.test(to) && !E164.test(from))) return;
	throw new RuleError(
		21212,
		`The 'From' number ${from} is not a valid phone number, client identifier or SIP user name.`,
	);
}

/** Label: at most 128 characters, no '/' (not even written %2F), not shaped like a Call SID. */
function checkLabel(label) {
	const problem =
		[...label].length > LABEL_MAX
			? `longer than ${LABEL_MAX} characters`
			: /\/|%2f/i.test(label)
				? "contains '/'"
				: CALL_SID_SHAPE.test(label)
					? 'looks like a Call SID'
					: null;
	if (problem) {
		throw new RuleError(
			16024,
			`Invalid participant label (${problem}): a label must not exceed 128 characters, must not be a CallSid and must not contain '/'`,
		);
	}
}

function labelInUse(label) {
	return new RuleError(16026, `Participant label '${label}' is in use by another participant of this conference`);
}

function conferenceFull(conf) {
	return new RuleError(16020, `Conference ${conf.sid} is full: it holds at most ${conf.maxParticipants} participants`);
}

module.exports = { RuleError, checkTo, checkFrom, checkLabel, labelInUse, conferenceFull, E164 };
