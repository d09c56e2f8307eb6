import { checklist, requiredDocuments } from '../dossier/dossier.rules';

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
});
