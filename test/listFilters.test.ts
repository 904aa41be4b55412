import { conferenceListQuery } from '../nodes/TwilioConference/helpers/conferenceList';
import {
	checkedDates,
	CREATED_KEYS,
	dateFieldName,
	dateFilterFields,
	FilterProblem,
} from '../nodes/TwilioConference/helpers/listFilters';
import { twilioDay } from '../nodes/TwilioConference/helpers/validation';

describe("twilioDay: dates as Twilio's list filters take them", () => {
	test.each([
		['2026-11-01', '2026-11-01'],
		['2026-11-01T00:00:00', '2026-11-01'],
		[' 2026-11-01T23:59:59.000-05:00 ', '2026-11-01'],
		['2028-02-29 10:00', '2028-02-29'],
		[new Date(Date.UTC(2026, 10, 1, 23, 59)), '2026-11-01'],
		[{ toISO: () => '2026-10-30T23:30:00.000-04:00' }, '2026-10-30'],
	])('%p -> %s', (value, day) => {
		expect(twilioDay(value)).toBe(day);
	});

	test.each([
		'2026-02-30',
		'2027-02-29',
		'11/01/2026',
		'2026-1-1',
		'20261101',
		'yesterday',
		'',
		20261101,
		null,
		new Date(NaN),
		{},
	])('%p is refused', (value) => {
		expect(() => twilioDay(value)).toThrow(/expected a date such as 2026-11-01/);
	});
});

describe('date filter fields', () => {
	test('three per date, named as the editor stores them, each sending its own Twilio key', () => {
		const fields = dateFilterFields('DateCreated', 'conferences');
		expect(fields.map((f) => [f.displayName, f.name, f.type, f.routing?.send?.property])).toEqual([
			['Created On', 'createdOn', 'dateTime', 'DateCreated'],
			['Created On or After', 'createdOnOrAfter', 'dateTime', 'DateCreated>'],
			['Created On or Before', 'createdOnOrBefore', 'dateTime', 'DateCreated<'],
		]);
		expect(dateFilterFields('DateUpdated', 'x').map((f) => f.name)).toEqual([
			'updatedOn',
			'updatedOnOrAfter',
			'updatedOnOrBefore',
		]);
		expect([dateFieldName('DateUpdated<'), dateFieldName('DateCreated'), dateFieldName('Status')]).toEqual([
			'Updated On or Before',
			'Created On',
			undefined,
		]);
	});

	test('checkedDates writes YYYY-MM-DD, leaves empty ones out, and names the field of a bad one', () => {
		expect(
			checkedDates(
				{ 'DateCreated<': '2026-11-01T00:00:00', DateCreated: '', 'DateCreated>': undefined, Other: 'x' },
				CREATED_KEYS,
			),
		).toEqual({ 'DateCreated<': '2026-11-01', Other: 'x' });
		expect(checkedDates({ 'DateCreated>': 'soon' }, CREATED_KEYS)).toEqual(
			new FilterProblem('Created On or After', 'expected a date such as 2026-11-01, got soon'),
		);
	});
});

describe('conferenceListQuery: one query for Get Many, the picker and the look-up', () => {
	test('Status is always there, in-progress when not given', () => {
		expect(conferenceListQuery({})).toEqual({ Status: 'in-progress' });
		expect(conferenceListQuery({ Status: '', FriendlyName: '' })).toEqual({ Status: 'in-progress' });
		expect(
			conferenceListQuery({ Status: 'init', FriendlyName: 'Room #1 / ☕', 'DateUpdated>': '2026-11-01T12:00:00' }),
		).toEqual({ Status: 'init', FriendlyName: 'Room #1 / ☕', 'DateUpdated>': '2026-11-01' });
	});

	test.each([
		[{ Status: 'live' }, 'Status'],
		[{ Status: ['completed'] }, 'Status'],
		[{ FriendlyName: 'a\nb' }, 'Friendly Name'],
		[{ FriendlyName: { name: 'x' } }, 'Friendly Name'],
		[{ DateUpdated: '2026-13-01' }, 'Updated On'],
	])('%p is a problem with %s', (query, field) => {
		const result = conferenceListQuery(query);
		expect(result).toBeInstanceOf(FilterProblem);
		expect((result as FilterProblem).field).toBe(field);
	});
});
