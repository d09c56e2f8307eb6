import { CITY_SUMMARY_OPERATION, ISSUER_IN_FORCE, ISSUER_THROUGH_APPRAISING, LEAD_AGENCY_LEADERSHIP, SUPERSEDED_OPERATIONS, UNIT_ROLLUP_OPERATION, upgradedOperation, upgradedRecipient } from '../preset/definitions.preset';
import { noticesFor } from '../reminder/reminder.rules';
import { citySummary, unitRollup, type CitySummaryData, type UnitRollupData } from '../report/report.templates';

const ctx = { year: 2026, recipient: 'Ủy ban nhân dân thành phố Đà Nẵng', reportName: 'Kết quả thực hiện thi đua chuyển đổi số' };
const campaign = (leadAgency: { name: string; active?: boolean; parent: { name: string } | null }) => ({
  name: 'Thi đua chuyển đổi số',
  jurisdiction: { name: 'UBND thành phố Đà Nẵng' },
  leadAgency,
  unitPlanCoverage: [],
  registrations: [],
  rankings: { totalCount: 0, entries: [] },
  reportingProgress: { deadline: null, rates: [], missingUnits: [] },
  awardees: [],
  unitReportTemplate: null,
  unitReports: [],
});

describe('a document names the lead agency in force on its date', () => {
  it('is headed by the agency the graph gives for that date, under its superior', () => {
    const m = citySummary({ campaign: campaign({ name: 'Sở Khoa học và Công nghệ thành phố Đà Nẵng', active: true, parent: { name: 'UBND thành phố Đà Nẵng' } }) } as CitySummaryData, ctx);
    expect(m).toMatchObject({ issuer: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ THÀNH PHỐ ĐÀ NẴNG', issuerParent: 'UBND THÀNH PHỐ ĐÀ NẴNG' });
  });

  it('is not made when no agency was in force that day (ended without a recorded successor), saying why', () => {
    const ended = campaign({ name: 'Phòng Văn hóa và Thông tin thành phố Buôn Ma Thuột', active: false, parent: null });
    expect(() => citySummary({ campaign: ended } as CitySummaryData, ctx)).toThrow(/^Phòng Văn hóa và Thông tin thành phố Buôn Ma Thuột không còn hoạt động vào ngày lập báo cáo/);
    expect(() => unitRollup({ campaign: ended } as unknown as UnitRollupData, ctx)).toThrow(/chưa có cơ quan kế thừa/);
  });
});

describe('an escalation goes to the lead agency in force on the day of the scan', () => {
  const deadline = { campaignId: 'c', campaignName: 'Thi đua chuyển đổi số', deadline: 'UNIT_REPORT_DUE', dueDate: '2026-12-10', missing: [{ id: 'u1', name: 'UBND phường Hải Châu' }] };
  it('to the agency given, and to nobody when none is in force (the overdue notices still go to the units)', () => {
    const to = (leadAgencyId: string | null) => noticesFor('2026-12-11', { ...deadline, leadAgencyId }, [7, 3, 1]).map((n) => [n.kind, n.recipientUnitId]);
    expect(to('so-khcn')).toEqual([
      ['OVERDUE', 'u1'],
      ['ESCALATION', 'so-khcn'],
    ]);
    expect(to(null)).toEqual([['OVERDUE', 'u1']]);
  });
});

describe("the presets' operations ask for the lead agency of the document's date", () => {
  it('in the city summary and the roll-up, and bring stored unedited definitions that asked for it without a date up to date', () => {
    for (const op of [CITY_SUMMARY_OPERATION, UNIT_ROLLUP_OPERATION]) expect(op).toContain('leadAgency(asOf: $issuedOn) { name active parent { name } }');
    const undated = SUPERSEDED_OPERATIONS.filter((s) => s.was.includes('leadAgency { name parent { name } }'));
    expect(undated.map((s) => upgradedOperation(s.was))).toEqual([CITY_SUMMARY_OPERATION, CITY_SUMMARY_OPERATION, UNIT_ROLLUP_OPERATION]);
    expect(upgradedOperation(CITY_SUMMARY_OPERATION)).toBeNull();
  });
});

describe("a roll-up goes to the leadership of the lead agency in force on the document's date", () => {
  const skhcn = campaign({ name: 'Sở Khoa học và Công nghệ thành phố Đà Nẵng', active: true, parent: { name: 'UBND thành phố Đà Nẵng' } });
  it('names that agency, and keeps a recipient someone wrote', () => {
    expect(unitRollup({ campaign: skhcn } as unknown as UnitRollupData, { ...ctx, recipient: LEAD_AGENCY_LEADERSHIP }).recipient).toBe('Lãnh đạo Sở Khoa học và Công nghệ thành phố Đà Nẵng');
    expect(unitRollup({ campaign: skhcn } as unknown as UnitRollupData, { ...ctx, recipient: 'Giám đốc Sở' }).recipient).toBe('Giám đốc Sở');
  });
  it('brings a stored unedited preset that named Sở TT-TT or Phòng VH-TT up to date, and leaves an edited one', () => {
    expect(upgradedRecipient('DN-BC-DON-VI', 'Lãnh đạo Sở Thông tin và Truyền thông')).toBe(LEAD_AGENCY_LEADERSHIP);
    expect(upgradedRecipient('BMT-BC-DON-VI', 'Lãnh đạo Phòng Văn hóa và Thông tin')).toBe(LEAD_AGENCY_LEADERSHIP);
    expect(upgradedRecipient('DN-BC-DON-VI', 'Giám đốc Sở')).toBeNull();
  });
});

describe("a city summary is addressed to the plan's issuer (through Nội vụ) in force on the document's date", () => {
  const bmt = (issuer: { name: string; active: boolean }, appraisingAgency: { name: string; active: boolean }) =>
    ({ campaign: { ...campaign({ name: 'Sở Khoa học và Công nghệ tỉnh Đắk Lắk', active: true, parent: { name: 'UBND tỉnh Đắk Lắk' } }), issuer, appraisingAgency } }) as CitySummaryData;
  it('the city and its Phòng Nội vụ until 30/6/2025, the province and its Sở Nội vụ from 1/7/2025; a recipient someone wrote is kept', () => {
    const before = bmt({ name: 'UBND thành phố Buôn Ma Thuột', active: true }, { name: 'Phòng Nội vụ thành phố Buôn Ma Thuột', active: true });
    expect(citySummary(before, { ...ctx, recipient: ISSUER_THROUGH_APPRAISING }).recipient).toBe('UBND thành phố Buôn Ma Thuột (qua Phòng Nội vụ thành phố Buôn Ma Thuột)');
    const after = bmt({ name: 'UBND tỉnh Đắk Lắk', active: true }, { name: 'Sở Nội vụ tỉnh Đắk Lắk', active: true });
    expect(citySummary(after, { ...ctx, recipient: ISSUER_THROUGH_APPRAISING }).recipient).toBe('UBND tỉnh Đắk Lắk (qua Sở Nội vụ tỉnh Đắk Lắk)');
    expect(citySummary(after, { ...ctx, recipient: ISSUER_IN_FORCE }).recipient).toBe('UBND tỉnh Đắk Lắk');
    expect(citySummary(after, ctx).recipient).toBe('Ủy ban nhân dân thành phố Đà Nẵng');
  });
  it('is not made to a body that had ended without a recorded successor', () => {
    const ended = bmt({ name: 'UBND tỉnh Đắk Lắk', active: true }, { name: 'Phòng Nội vụ thành phố Buôn Ma Thuột', active: false });
    expect(() => citySummary(ended, { ...ctx, recipient: ISSUER_THROUGH_APPRAISING })).toThrow(/^Phòng Nội vụ thành phố Buôn Ma Thuột không còn hoạt động vào ngày lập báo cáo/);
    expect(upgradedRecipient('BMT-BC-TONG-HOP', 'Ủy ban nhân dân thành phố Buôn Ma Thuột (qua Phòng Nội vụ)')).toBe(ISSUER_THROUGH_APPRAISING);
    expect(upgradedRecipient('BMT-SO-KET', 'Ủy ban nhân dân thành phố Buôn Ma Thuột')).toBe(ISSUER_IN_FORCE);
  });
});
