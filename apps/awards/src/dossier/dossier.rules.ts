import { formatVietnameseDate, nameKey } from '@thidua/platform';

/** The MIME type of the Word documents awards drafts (Tờ trình, Báo cáo thành tích, the council's minutes). */
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const DOCUMENT_KINDS = [
  'TO_TRINH',
  'BIEN_BAN_HOI_DONG',
  'BAO_CAO_THANH_TICH',
  'TAX_CLEARANCE',
  'SOCIAL_INSURANCE_CLEARANCE',
  'ENVIRONMENT_COMPLIANCE',
  'FOOD_SAFETY_COMPLIANCE',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_LABELS: Record<DocumentKind, string> = {
  TO_TRINH: 'Tờ trình đề nghị khen thưởng của cơ quan, đơn vị trình khen',
  BIEN_BAN_HOI_DONG: 'Biên bản họp Hội đồng Thi đua - Khen thưởng của cơ quan, đơn vị trình khen',
  BAO_CAO_THANH_TICH: 'Báo cáo thành tích có xác nhận của cấp trình khen',
  TAX_CLEARANCE: 'Văn bản xác nhận doanh nghiệp không nợ thuế đến thời điểm đề nghị',
  SOCIAL_INSURANCE_CLEARANCE: 'Văn bản xác nhận doanh nghiệp không nợ bảo hiểm xã hội đến thời điểm đề nghị',
  ENVIRONMENT_COMPLIANCE: 'Văn bản xác nhận thực hiện đầy đủ quy định về bảo vệ môi trường',
  FOOD_SAFETY_COMPLIANCE: 'Văn bản xác nhận thực hiện đầy đủ quy định về vệ sinh an toàn thực phẩm',
};

/** Fields whose enterprises must also show environmental / food-safety compliance (ĐN III.4.c). */
const ENVIRONMENT_FIELDS = ['sản xuất', 'công nghiệp', 'khai thác', 'khoáng sản', 'xây dựng', 'hóa chất', 'chế biến', 'năng lượng', 'môi trường'];
const FOOD_FIELDS = ['thực phẩm', 'ăn uống', 'nông sản', 'đồ uống', 'nhà hàng'];

/** The documents a dossier needs (R13): the three of every dossier, plus clearances and compliance for enterprises. */
export function requiredDocuments(candidate: { kind: 'UNIT' | 'PERSON'; unitKind: string | null; field: string | null }): DocumentKind[] {
  const docs: DocumentKind[] = ['TO_TRINH', 'BIEN_BAN_HOI_DONG', 'BAO_CAO_THANH_TICH'];
  if (candidate.kind === 'UNIT' && candidate.unitKind === 'ENTERPRISE') {
    docs.push('TAX_CLEARANCE', 'SOCIAL_INSURANCE_CLEARANCE');
    const field = nameKey(candidate.field ?? '');
    if (ENVIRONMENT_FIELDS.some((f) => field.includes(f))) docs.push('ENVIRONMENT_COMPLIANCE');
    if (FOOD_FIELDS.some((f) => field.includes(f))) docs.push('FOOD_SAFETY_COMPLIANCE');
  }
  return docs;
}

export interface AttachedDocument {
  kind: DocumentKind;
  issuedDate: string | null;
  validUntil: string | null;
  confirmedByProposingLevel: boolean;
}

export interface ChecklistItem {
  kind: DocumentKind;
  label: string;
  status: 'PRESENT' | 'MISSING' | 'EXPIRED' | 'UNCONFIRMED';
  detail: string;
}

/** Each required document: present, missing, expired on the nomination date, or (report) not confirmed. */
export function checklist(required: DocumentKind[], docs: AttachedDocument[], nominationDate: string): { complete: boolean; items: ChecklistItem[] } {
  const items = required.map((kind): ChecklistItem => {
    const label = DOCUMENT_LABELS[kind];
    const candidates = docs.filter((d) => d.kind === kind);
    if (!candidates.length) return { kind, label, status: 'MISSING', detail: 'Chưa có trong hồ sơ.' };
    if (kind === 'BAO_CAO_THANH_TICH' && !candidates.some((d) => d.confirmedByProposingLevel)) {
      return { kind, label, status: 'UNCONFIRMED', detail: 'Báo cáo thành tích chưa có xác nhận của cấp trình khen.' };
    }
    const valid = candidates.find((d) => d.validUntil === null || d.validUntil >= nominationDate);
    if (!valid) {
      const latest = candidates.map((d) => d.validUntil as string).sort().at(-1) as string;
      return { kind, label, status: 'EXPIRED', detail: `Hết hiệu lực ngày ${formatVietnameseDate(latest)}, trước ngày đề nghị ${formatVietnameseDate(nominationDate)}.` };
    }
    return {
      kind,
      label,
      status: 'PRESENT',
      detail: valid.validUntil ? `Có hiệu lực đến ngày ${formatVietnameseDate(valid.validUntil)}.` : valid.issuedDate ? `Ban hành ngày ${formatVietnameseDate(valid.issuedDate)}.` : 'Đã có.',
    };
  });
  return { complete: items.every((i) => i.status === 'PRESENT'), items };
}
