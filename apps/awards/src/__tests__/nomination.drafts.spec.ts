import { verifiedTemplate } from '../nomination/nomination.drafts';
import { LEGAL_INSTRUMENTS } from '../preset/legal.preset';

describe('the achievement-report template a draft names', () => {
  const template = (code: string) => LEGAL_INSTRUMENTS.find((i) => i.code === code)?.reportTemplate ?? null;

  it('names a form number only as the legal table states it verified, and only for the kind of candidate it is for', () => {
    expect(verifiedTemplate(template('ND-98-2023'), 'UNIT')).toBe('Mẫu số 02');
    // NĐ 98/2023's number for an individual's report is not verified: no number.
    expect(verifiedTemplate(template('ND-98-2023'), 'PERSON')).toBeNull();
    // NĐ 91/2017's Mẫu số 07 is the report of a movement (theo đợt, chuyên đề), for either kind.
    expect(verifiedTemplate(template('ND-91-2017'), 'UNIT')).toBe('Mẫu số 07');
    expect(verifiedTemplate(template('ND-91-2017'), 'PERSON')).toBe('Mẫu số 07');
    expect(verifiedTemplate(template('ND-152-2025'), 'UNIT')).toBeNull();
  });

  it('never prints what a table (or a database loaded from an older preset) marks unverified', () => {
    expect(verifiedTemplate('Mẫu số 02 (báo cáo thành tích tập thể; số mẫu cho thi đua theo đợt cần kiểm chứng)', 'UNIT')).toBeNull();
    expect(verifiedTemplate('Theo mẫu của Bộ', 'UNIT')).toBeNull();
    expect(verifiedTemplate('Mẫu số 03 (báo cáo thành tích cá nhân)', 'UNIT')).toBeNull();
    expect(verifiedTemplate('Mẫu số 03 (báo cáo thành tích cá nhân)', 'PERSON')).toBe('Mẫu số 03');
  });

  it('keeps what the legal table says unverified out of the template text, in its note', () => {
    for (const i of LEGAL_INSTRUMENTS) expect(i.reportTemplate ?? '').not.toMatch(/kiểm chứng/i);
  });
});
