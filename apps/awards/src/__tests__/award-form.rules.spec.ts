import { formAvailableOn, instrumentInForce } from '../award-form/award-form.rules';
import { LEGAL_INSTRUMENTS } from '../preset/legal.preset';

describe('authority and law by date', () => {
  it('lets a district-level city chairman confer Giấy khen only until 1/7/2025', () => {
    const cityChair = { validFrom: null, validTo: '2025-07-01' };
    expect(formAvailableOn(cityChair, '2025-06-30')).toBe(true);
    expect(formAvailableOn(cityChair, '2025-07-01')).toBe(false);
  });

  it('judges by the decree in force on the date: NĐ 91/2017, then 98/2023, then 152/2025', () => {
    const decrees = LEGAL_INSTRUMENTS.filter((i) => i.code.startsWith('ND-'));
    expect(instrumentInForce(decrees, '2023-12-31')?.number).toBe('91/2017/NĐ-CP');
    expect(instrumentInForce(decrees, '2024-01-01')?.number).toBe('98/2023/NĐ-CP');
    expect(instrumentInForce(decrees, '2025-06-30')?.number).toBe('98/2023/NĐ-CP');
    expect(instrumentInForce(decrees, '2025-07-01')?.number).toBe('152/2025/NĐ-CP');
    expect(instrumentInForce(decrees, '2025-07-01')?.blocksPendingProceedings).toBe(true);
    expect(instrumentInForce(decrees, '2024-05-01')?.blocksPendingProceedings).toBe(false);
  });
});
