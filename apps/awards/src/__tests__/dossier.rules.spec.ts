import { checklist, fileFitsItem, requiredDocuments } from '../dossier/dossier.rules';

describe('dossier checklist', () => {
  it('asks every dossier for the Tờ trình, the council minutes and a confirmed achievement report', () => {
    expect(requiredDocuments({ kind: 'UNIT', unitKind: 'WARD_PC', field: null })).toEqual(['TO_TRINH', 'BIEN_BAN_HOI_DONG', 'BAO_CAO_THANH_TICH']);
    expect(requiredDocuments({ kind: 'PERSON', unitKind: null, field: null })).toHaveLength(3);
  });

  it('asks enterprises for tax and social-insurance clearance, and compliance where their field needs it', () => {
    expect(requiredDocuments({ kind: 'UNIT', unitKind: 'ENTERPRISE', field: 'Phần mềm' })).toEqual(['TO_TRINH', 'BIEN_BAN_HOI_DONG', 'BAO_CAO_THANH_TICH', 'TAX_CLEARANCE', 'SOCIAL_INSURANCE_CLEARANCE']);
    expect(requiredDocuments({ kind: 'UNIT', unitKind: 'ENTERPRISE', field: 'Sản xuất, chế biến THỰC PHẨM' })).toEqual(
      expect.arrayContaining(['ENVIRONMENT_COMPLIANCE', 'FOOD_SAFETY_COMPLIANCE']),
    );
  });

  it('fails an expired clearance, a missing document and an unconfirmed report', () => {
    const required = requiredDocuments({ kind: 'UNIT', unitKind: 'ENTERPRISE', field: 'Phần mềm' });
    const c = checklist(
      required,
      [
        { kind: 'TO_TRINH', issuedDate: '2025-02-20', validUntil: null, confirmedByProposingLevel: false },
        { kind: 'BAO_CAO_THANH_TICH', issuedDate: '2025-02-15', validUntil: null, confirmedByProposingLevel: false },
        { kind: 'TAX_CLEARANCE', issuedDate: '2024-10-01', validUntil: '2024-12-31', confirmedByProposingLevel: false },
        { kind: 'SOCIAL_INSURANCE_CLEARANCE', issuedDate: '2025-01-10', validUntil: '2025-06-30', confirmedByProposingLevel: false },
      ],
      '2025-03-01',
    );
    expect(c.complete).toBe(false);
    expect(c.items.map((i) => [i.kind, i.status])).toEqual([
      ['TO_TRINH', 'PRESENT'],
      ['BIEN_BAN_HOI_DONG', 'MISSING'],
      ['BAO_CAO_THANH_TICH', 'UNCONFIRMED'],
      ['TAX_CLEARANCE', 'EXPIRED'],
      ['SOCIAL_INSURANCE_CLEARANCE', 'PRESENT'],
    ]);
    expect(c.items[3]?.detail).toBe('Hết hiệu lực ngày 31/12/2024, trước ngày đề nghị 01/03/2025.');
  });

  it('wants every confirmation the campaign requires of the report, naming the ones missing, and Nội vụ\'s check of each item', () => {
    const docs = [
      { kind: 'TO_TRINH' as const, issuedDate: '2025-02-20', validUntil: null, checkedAt: new Date() },
      { kind: 'BIEN_BAN_HOI_DONG' as const, issuedDate: '2025-02-18', validUntil: null, pages: 3 },
      { kind: 'BAO_CAO_THANH_TICH' as const, issuedDate: '2025-02-15', validUntil: null, confirmedByProposingLevel: true, confirmations: null },
    ];
    const required = requiredDocuments({ kind: 'PERSON', unitKind: null, field: null });
    const dn = checklist(required, docs, '2025-03-01', ['UNIT_HEAD', 'DIRECT_SUPERIOR']);
    expect(dn.items[2]).toMatchObject({
      label: 'Báo cáo thành tích có xác nhận của thủ trưởng đơn vị và thủ trưởng cấp trên trực tiếp',
      status: 'UNCONFIRMED',
      detail: 'Báo cáo thành tích chưa có xác nhận của thủ trưởng đơn vị và thủ trưởng cấp trên trực tiếp.',
    });
    const bmt = checklist(required, docs, '2025-03-01');
    expect([bmt.complete, bmt.checked]).toEqual([true, false]);
    expect(bmt.items.map((i) => [i.status, i.checked, i.detail])).toEqual([
      ['PRESENT', true, 'Ban hành ngày 20/02/2025.'],
      ['PRESENT', false, 'Ban hành ngày 18/02/2025; 3 trang.'],
      ['PRESENT', false, 'Ban hành ngày 15/02/2025.'],
    ]);
  });

  it('takes a file for an item only when it is the kind the item needs (a scan or an unread title passes)', () => {
    const file = (documentType: string | null, mimeType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') => ({ name: 'tep.docx', mimeType, documentType });
    expect(fileFitsItem('BIEN_BAN_HOI_DONG', file('Tờ trình'))).toEqual({
      ok: false,
      found: 'Tờ trình',
      message: 'Tệp «tep.docx» là Tờ trình, không phải Biên bản họp Hội đồng Thi đua - Khen thưởng; hãy tải lên đúng văn bản cho mục «Biên bản họp Hội đồng Thi đua - Khen thưởng của cơ quan, đơn vị trình khen».',
    });
    expect(fileFitsItem('TO_TRINH', file('Tờ trình')).ok).toBe(true);
    expect(fileFitsItem('BAO_CAO_THANH_TICH', file('Báo cáo')).ok).toBe(false);
    expect(fileFitsItem('BAO_CAO_THANH_TICH', file(null, 'application/pdf')).ok).toBe(true);
    expect(fileFitsItem('TAX_CLEARANCE', file('Giấy xác nhận')).ok).toBe(true);
    expect(fileFitsItem('TAX_CLEARANCE', file('Biên bản')).ok).toBe(false);
    expect(fileFitsItem('TAX_CLEARANCE', file(null, 'image/jpeg')).ok).toBe(true);
    for (const mime of ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.ms-excel', 'application/zip']) {
      expect(fileFitsItem('TAX_CLEARANCE', file(null, mime)).ok).toBe(false);
    }
  });
});
