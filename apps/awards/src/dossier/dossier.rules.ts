import { formatVietnameseDate, nameKey } from '@thidua/platform';
import { CONFIRMER_LABELS, type ReportConfirmer } from '../award-rules/award-rules.rules';

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
  /** Who confirmed it (a Báo cáo thành tích); older rows may carry only the proposing level's flag. */
  confirmations?: ReportConfirmer[] | null;
  confirmedByProposingLevel?: boolean;
  /** As read at upload. */
  documentType?: string | null;
  pages?: number | null;
  /** Nội vụ's check at appraisal. */
  checkedAt?: Date | null;
}

export interface ChecklistItem {
  kind: DocumentKind;
  label: string;
  status: 'PRESENT' | 'MISSING' | 'EXPIRED' | 'UNCONFIRMED';
  detail: string;
  /** Nội vụ checked the document that satisfies the item. */
  checked: boolean;
  /** Pages and document type of that document, as read at upload. */
  pages: number | null;
  documentType: string | null;
}

/** "thủ trưởng đơn vị và thủ trưởng cấp trên trực tiếp". */
export function confirmersText(confirmers: readonly ReportConfirmer[]): string {
  const names = confirmers.map((c) => CONFIRMER_LABELS[c]);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} và ${names.at(-1)}`;
}

/** An item's name in the checklist; the achievement report's names who must confirm it under the campaign's rule. */
export function documentLabel(kind: DocumentKind, confirmers: readonly ReportConfirmer[] = ['PROPOSING_LEVEL']): string {
  return kind === 'BAO_CAO_THANH_TICH' && confirmers.length ? `Báo cáo thành tích có xác nhận của ${confirmersText(confirmers)}` : DOCUMENT_LABELS[kind];
}

/** Who confirmed a document: its list, or the older flag of the proposing level. */
export function confirmationsOf(d: Pick<AttachedDocument, 'confirmations' | 'confirmedByProposingLevel'>): ReportConfirmer[] {
  return d.confirmations ?? (d.confirmedByProposingLevel ? ['PROPOSING_LEVEL'] : []);
}

/**
 * Each required document: present, missing, expired on the nomination date, or (report) without every confirmation
 * the campaign requires; and whether Nội vụ checked the document that satisfies it.
 */
export function checklist(
  required: DocumentKind[],
  docs: AttachedDocument[],
  nominationDate: string,
  confirmers: readonly ReportConfirmer[] = ['PROPOSING_LEVEL'],
): { complete: boolean; checked: boolean; items: ChecklistItem[] } {
  const items = required.map((kind): ChecklistItem => {
    const label = documentLabel(kind, confirmers);
    const none = { checked: false, pages: null, documentType: null };
    let candidates = docs.filter((d) => d.kind === kind);
    if (!candidates.length) return { kind, label, status: 'MISSING', detail: 'Chưa có trong hồ sơ.', ...none };
    if (kind === 'BAO_CAO_THANH_TICH') {
      const confirmed = candidates.filter((d) => confirmers.every((c) => confirmationsOf(d).includes(c)));
      if (!confirmed.length) {
        // What the best-confirmed report lacks (the latest attached among equals).
        const lacking = candidates.map((d) => confirmers.filter((c) => !confirmationsOf(d).includes(c)));
        const missing = lacking.reduce((best, l) => (l.length <= best.length ? l : best));
        return { kind, label, status: 'UNCONFIRMED', detail: `Báo cáo thành tích chưa có xác nhận của ${confirmersText(missing)}.`, ...none };
      }
      candidates = confirmed;
    }
    const valid = candidates.find((d) => d.validUntil === null || d.validUntil >= nominationDate);
    if (!valid) {
      const latest = candidates.map((d) => d.validUntil as string).sort().at(-1) as string;
      return { kind, label, status: 'EXPIRED', detail: `Hết hiệu lực ngày ${formatVietnameseDate(latest)}, trước ngày đề nghị ${formatVietnameseDate(nominationDate)}.`, ...none };
    }
    const pages = valid.pages ?? null;
    const base = valid.validUntil ? `Có hiệu lực đến ngày ${formatVietnameseDate(valid.validUntil)}.` : valid.issuedDate ? `Ban hành ngày ${formatVietnameseDate(valid.issuedDate)}.` : 'Đã có.';
    return {
      kind,
      label,
      status: 'PRESENT',
      detail: pages ? `${base.replace(/\.$/, '')}; ${pages} trang.` : base,
      checked: !!valid.checkedAt,
      pages,
      documentType: valid.documentType ?? null,
    };
  });
  const complete = items.every((i) => i.status === 'PRESENT');
  return { complete, checked: complete && items.every((i) => i.checked), items };
}

/** What a file is, as the files service read it at upload. */
export interface InspectedFile {
  name: string;
  mimeType: string;
  documentType: string | null;
}

/** Each item's name in a refusal: "… không phải <this>". */
const ITEM_NOUNS: Record<DocumentKind, string> = {
  TO_TRINH: 'Tờ trình đề nghị khen thưởng',
  BIEN_BAN_HOI_DONG: 'Biên bản họp Hội đồng Thi đua - Khen thưởng',
  BAO_CAO_THANH_TICH: 'Báo cáo thành tích',
  TAX_CLEARANCE: 'văn bản xác nhận không nợ thuế',
  SOCIAL_INSURANCE_CLEARANCE: 'văn bản xác nhận không nợ bảo hiểm xã hội',
  ENVIRONMENT_COMPLIANCE: 'văn bản xác nhận chấp hành quy định về bảo vệ môi trường',
  FOOD_SAFETY_COMPLIANCE: 'văn bản xác nhận chấp hành quy định về vệ sinh an toàn thực phẩm',
};

/** The document type (as read from the title) each item must have; a clearance is a letter of any other kind. */
const ITEM_TYPES: Partial<Record<DocumentKind, string>> = { TO_TRINH: 'Tờ trình', BIEN_BAN_HOI_DONG: 'Biên bản', BAO_CAO_THANH_TICH: 'Báo cáo thành tích' };
/** Types that are the dossier's own papers, never a clearance letter. */
const NOT_A_LETTER = ['Tờ trình', 'Biên bản', 'Báo cáo thành tích', 'Báo cáo', 'Kế hoạch'];

const SPREADSHEETS: Record<string, string> = {
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'bảng tính Excel',
  'application/vnd.ms-excel': 'bảng tính Excel',
  'application/zip': 'tệp nén .zip',
};

/**
 * Whether a file can stand for an item of the dossier: never a spreadsheet or a .zip; a Tờ trình, Biên bản or Báo cáo
 * thành tích whose title says so, or says nothing (a scan, a title that cannot be read); a clearance a letter that is not
 * one of the dossier's own papers. The refusal names what the file is and what the item needs.
 */
export function fileFitsItem(kind: DocumentKind, file: InspectedFile): { ok: true } | { ok: false; message: string; found: string } {
  const needs = ITEM_NOUNS[kind];
  const refuse = (found: string) => ({ ok: false as const, found, message: `Tệp «${file.name}» là ${found}, không phải ${needs}; hãy tải lên đúng văn bản cho mục «${DOCUMENT_LABELS[kind]}».` });
  const sheet = SPREADSHEETS[file.mimeType];
  if (sheet) return refuse(sheet);
  const type = file.documentType;
  if (!type) return { ok: true };
  const wanted = ITEM_TYPES[kind];
  if (wanted ? type !== wanted : NOT_A_LETTER.includes(type)) return refuse(type);
  return { ok: true };
}
