import { amountInWords, awardeeCount, bonusFor, checkFund, decreeBasis, formatMoney, fundUsed, governingFund, headOf, issuingBody, lawBases, planBasis, signaturePosition, type BonusInputs } from '../decision/decision.rules';
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

describe('amounts written out in words, as a decision writes them', () => {
  it.each([
    [0, 'Không đồng'],
    [5, 'Năm đồng'],
    [10, 'Mười đồng'],
    [15, 'Mười lăm đồng'],
    [21, 'Hai mươi mốt đồng'],
    [24, 'Hai mươi bốn đồng'],
    [105, 'Một trăm linh năm đồng'],
    [110, 'Một trăm mười đồng'],
    [1_410_000, 'Một triệu bốn trăm mười nghìn đồng'],
    [2_340_000, 'Hai triệu ba trăm bốn mươi nghìn đồng'],
    [4_680_000, 'Bốn triệu sáu trăm tám mươi nghìn đồng'],
    [1_050_000, 'Một triệu không trăm năm mươi nghìn đồng'],
    [4_000_500, 'Bốn triệu năm trăm đồng'],
    [12_005_000, 'Mười hai triệu không trăm linh năm nghìn đồng'],
    [1_000_000_000, 'Một tỷ đồng'],
    [3_000_000_000_000, 'Ba nghìn tỷ đồng'],
    [2_500_070_000, 'Hai tỷ năm trăm triệu không trăm bảy mươi nghìn đồng'],
  ])('%d đồng', (n, words) => {
    expect(amountInWords(n)).toBe(words);
  });

  it('writes figures with Vietnamese thousands separators', () => {
    expect(formatMoney(4_680_000)).toBe('4.680.000');
    expect(formatMoney(12_345_678_901)).toBe('12.345.678.901');
  });
});

describe('the reward fund a decision is counted against', () => {
  const occasions = [
    { id: 'o-2024', year: 2024 },
    { id: 'o-sk', year: 2024 },
    { id: 'o-2025', year: 2025 },
  ];
  const decisions = [
    { occasionId: 'o-2024', totalBonus: 4_680_000 },
    { occasionId: 'o-sk', totalBonus: 2_340_000 },
    { occasionId: 'o-2025', totalBonus: 1_000_000 },
    { occasionId: null, totalBonus: 9_999_999 },
  ];

  it("is the occasion's own fund, else the year's; a year's fund counts the occasions without their own", () => {
    const year = { year: 2024, occasionId: null, id: 'y' };
    const interim = { year: 2024, occasionId: 'o-sk', id: 's' };
    expect(governingFund([year, interim], occasions[0] as { id: string; year: number })?.id).toBe('y');
    expect(governingFund([year, interim], occasions[1] as { id: string; year: number })?.id).toBe('s');
    expect(governingFund([year, interim], occasions[2] as { id: string; year: number })).toBeNull();
    expect(fundUsed(year, [year, interim], occasions, decisions)).toBe(4_680_000);
    expect(fundUsed(interim, [year, interim], occasions, decisions)).toBe(2_340_000);
    // Without the interim review's own fund, the year's counts both occasions of 2024.
    expect(fundUsed(year, [year], occasions, decisions)).toBe(7_020_000);
  });

  it('warns with the figures when the total would exceed what remains, and says when no fund is set', () => {
    expect(checkFund({ amount: 10_000_000, used: 4_680_000, label: 'năm 2024' }, 5_320_000)).toEqual({ remainingAfter: 0, exceeds: false, warning: null });
    expect(checkFund({ amount: 10_000_000, used: 4_680_000, label: 'năm 2024' }, 7_020_000)).toEqual({
      remainingAfter: -1_700_000,
      exceeds: true,
      warning: 'Tổng tiền thưởng 7.020.000 đồng vượt quỹ khen thưởng năm 2024 (10.000.000 đồng, đã dùng 4.680.000 đồng, còn lại 5.320.000 đồng) 1.700.000 đồng.',
    });
    expect(checkFund(null, 1)).toEqual({ remainingAfter: null, exceeds: false, warning: 'Chưa đặt quỹ khen thưởng cho năm, đợt này: tổng tiền thưởng chưa được đối chiếu với quỹ.' });
  });
});

describe('the wording of a Quyết định khen thưởng', () => {
  it('cites the laws in force on the date', () => {
    expect(lawBases('2025-04-15')).toEqual([
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;',
      'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
    ]);
    expect(lawBases('2025-09-01')[0]).toBe('Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;');
    expect(lawBases('2023-10-01')[1]).toContain('ngày 26 tháng 11 năm 2003');
    expect(decreeBasis({ number: '98/2023/NĐ-CP', title: 'Quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng' })).toBe(
      'Căn cứ Nghị định số 98/2023/NĐ-CP của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;',
    );
  });

  it('cites the campaign plan without its section reference', () => {
    expect(
      planBasis({ number: '39/KH-UBND', date: '2023-03-08', issuer: 'UBND tỉnh Đắk Lắk', title: 'Kế hoạch phát động Phong trào thi đua “Chuyển đổi số giai đoạn 2023 - 2025”, mục III.3' }),
    ).toBe('Căn cứ Kế hoạch số 39/KH-UBND ngày 08/03/2023 của UBND tỉnh Đắk Lắk về phát động Phong trào thi đua “Chuyển đổi số giai đoạn 2023 - 2025”;');
    expect(planBasis({ number: '…/KH-UBND', date: '2023-07-01', issuer: 'UBND thành phố Buôn Ma Thuột', title: 'Kế hoạch phát động Phong trào thi đua “Chuyển đổi số giai đoạn 2023 - 2025”, mục III.3' })).toBe(
      'Căn cứ Kế hoạch ngày 01/07/2023 của UBND thành phố Buôn Ma Thuột về phát động Phong trào thi đua “Chuyển đổi số giai đoạn 2023 - 2025”;',
    );
    expect(planBasis({ number: '12/QĐ-UBND', date: null, issuer: 'UBND xã Ea Kao', title: null })).toBe('Căn cứ văn bản số 12/QĐ-UBND của UBND xã Ea Kao;');
  });

  it('names heads of agencies, the signature position and the awardees as a decision does', () => {
    expect(headOf('Sở Nội vụ tỉnh Đắk Lắk')).toBe('Giám đốc Sở Nội vụ tỉnh Đắk Lắk');
    expect(headOf('Phòng Nội vụ thành phố Buôn Ma Thuột')).toBe('Trưởng phòng Nội vụ thành phố Buôn Ma Thuột');
    expect(headOf('Văn phòng UBND tỉnh Đắk Lắk')).toBe('Chánh Văn phòng UBND tỉnh Đắk Lắk');
    expect(headOf('Thành đoàn Buôn Ma Thuột')).toBe('Thủ trưởng Thành đoàn Buôn Ma Thuột');
    expect(signaturePosition('Chủ tịch UBND tỉnh Đắk Lắk')).toBe('CHỦ TỊCH');
    expect(signaturePosition('KT. Chủ tịch - Phó Chủ tịch')).toBe('KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH');
    expect(signaturePosition('Phó Chủ tịch UBND tỉnh')).toBe('KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH');
    expect(awardeeCount(2, 3)).toBe('2 tập thể và 3 cá nhân');
    expect(awardeeCount(0, 1)).toBe('1 cá nhân');
    expect(awardeeCount(1, 0)).toBe('1 tập thể');
  });
});

describe('the body that issues the decision, on its date', () => {
  const province = { name: 'UBND tỉnh Đắk Lắk', kind: 'PROVINCE_PC' };
  const city = { name: 'UBND thành phố Buôn Ma Thuột', kind: 'CITY_PC', parent: province };
  const ward = { name: 'UBND phường Tân An', kind: 'WARD_PC', parent: city };
  const vhtt = { name: 'Phòng Văn hóa và Thông tin thành phố Buôn Ma Thuột', kind: 'DEPARTMENT', parent: city };
  const provinceChair = { authority: 'PROVINCE_CHAIR', authorityTitle: 'Chủ tịch UBND tỉnh Đắk Lắk' };
  const cityChair = { authority: 'CITY_CHAIR', authorityTitle: 'Chủ tịch UBND thành phố Buôn Ma Thuột' };
  const communeChair = { authority: 'COMMUNE_CHAIR', authorityTitle: 'Chủ tịch UBND xã, phường' };

  it("is the province above the city's plan for a province chairman's Bằng khen, the city itself for its Giấy khen", () => {
    expect(issuingBody(provinceChair, { issuer: city, jurisdiction: city, proposers: [vhtt] })).toBe('UBND tỉnh Đắk Lắk');
    expect(issuingBody(cityChair, { issuer: city, jurisdiction: city, proposers: [vhtt] })).toBe('UBND thành phố Buôn Ma Thuột');
    // From 1/7/2025 the city's plan is carried on by the province.
    expect(issuingBody(provinceChair, { issuer: province, jurisdiction: city, proposers: [] })).toBe('UBND tỉnh Đắk Lắk');
  });

  it("is the proposing ward for a commune chairman's Giấy khen, and the form's wording when the graph knows none", () => {
    expect(issuingBody(communeChair, { issuer: city, jurisdiction: city, proposers: [ward] })).toBe('UBND phường Tân An');
    expect(issuingBody(provinceChair, { issuer: null, jurisdiction: null, proposers: [] })).toBe('UBND tỉnh Đắk Lắk');
  });
});
