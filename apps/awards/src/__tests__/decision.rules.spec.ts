import { bonusFor, type BonusInputs } from '../decision/decision.rules';
import { BASE_SALARIES, BONUS_RATES } from '../preset/legal.preset';

const base: BonusInputs = {
  date: '2025-04-15',
  formKind: 'GIAY_KHEN',
  authority: 'CITY_CHAIR',
  candidateKind: 'COLLECTIVE',
  decree: { code: 'ND-98-2023', number: '98/2023/NĐ-CP' },
  rates: BONUS_RATES,
  salaries: BASE_SALARIES,
};

describe('bonus from base salary and the multiplier of the decree in force', () => {
  it('multiplies the base salary in force on the date and rounds up to ten thousand đồng', () => {
    expect(bonusFor(base).bonus).toEqual({
      amount: 1_410_000,
      multiplier: 0.6,
      baseSalary: 2_340_000,
      basis: '0,6 × mức lương cơ sở 2.340.000 đồng (Nghị định 73/2024/NĐ-CP) = 1.410.000 đồng, theo Nghị định 98/2023/NĐ-CP.',
    });
    // Before 1/7/2024 the base salary was 1.8 million: 0.3 × 1,800,000 = 540,000.
    expect(bonusFor({ ...base, date: '2024-03-01', candidateKind: 'INDIVIDUAL' }).bonus?.amount).toBe(540_000);
    // An exact multiple of ten thousand stays as it is: 1.0 × 2,340,000.
    expect(bonusFor({ ...base, formKind: 'BANG_KHEN', authority: 'PROVINCE_CHAIR', candidateKind: 'INDIVIDUAL' }).bonus?.amount).toBe(2_340_000);
  });

  it('commune chairman Giấy khen under NĐ 152/2025: 0.3 × base salary for an individual', () => {
    const b = bonusFor({ ...base, date: '2025-09-01', authority: 'COMMUNE_CHAIR', candidateKind: 'INDIVIDUAL', decree: { code: 'ND-152-2025', number: '152/2025/NĐ-CP' } });
    expect(b.bonus?.amount).toBe(710_000);
  });

  it('says why there is no amount when the decree sets no rate for the case', () => {
    const b = bonusFor({ ...base, date: '2025-09-01', decree: { code: 'ND-152-2025', number: '152/2025/NĐ-CP' } });
    expect(b).toEqual({ bonus: null, explanation: 'Nghị định 152/2025/NĐ-CP chưa có hệ số tiền thưởng cho hình thức này trong hệ thống.' });
  });
});
