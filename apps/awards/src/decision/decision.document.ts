import { documentNumber, issuerAbbreviation, placeOf, vietnameseLongDate, type AdministrativeDocument, type BodyLine } from '@thidua/documents';
import { formatVietnameseDate, type LegalDocumentValue } from '@thidua/platform';
import type { FormKind, OccasionKind } from '../award-form/award-form.entity';
import { amountInWords, awardeeCount, decreeBasis, formatMoney, fullBodyName, headOf, lawBases, planBasis, signaturePosition } from './decision.rules';

/** One awardee as the decision lists them. */
export interface DecisionLine {
  collective: boolean;
  name: string;
  /** A person's position and unit: "Chuyên viên Phòng Văn hóa và Thông tin thành phố Buôn Ma Thuột". */
  description: string | null;
  /** Đồng; null when no bonus could be computed. */
  amount: number | null;
}

/** What a Quyết định khen thưởng is written from. */
export interface DecisionDocumentData {
  /** The issuing body as it stood on the date: "UBND tỉnh Đắk Lắk". */
  body: string;
  /** Recorded number ("880/QĐ-UBND") or null for a draft. */
  number: string | null;
  date: string;
  /** A draft leaves the day and month blank for the signing day. */
  draft: boolean;
  signer: { title: string | null; name: string | null };
  form: { name: string; kind: FormKind; legalBasis: LegalDocumentValue | null };
  occasion: { kind: OccasionKind; name: string; year: number };
  campaignName: string;
  decree: { number: string; title: string } | null;
  /** The appraising agency (Nội vụ) and the lead agency in force on the date. */
  appraisingAgency: string | null;
  leadAgency: string | null;
  /** The council meetings that recommended the awardees. */
  councilMeetings: Array<{ name: string; date: string }>;
  lines: DecisionLine[];
}

const TYPE_SYMBOL = 'QĐ';

/** The kind of certificate the bonus comes with: "Bằng khen", "Giấy khen". */
export const certificateWord = (kind: FormKind, formName: string): string => (kind === 'BANG_KHEN' ? 'Bằng khen' : kind === 'GIAY_KHEN' ? 'Giấy khen' : formName);

/** "Số: 880/QĐ-UBND", or "Số:        /QĐ-UBND" with room for the number on a draft. */
function numberLine(data: DecisionDocumentData): string {
  return data.number ? `Số: ${data.number}` : documentNumber(TYPE_SYMBOL, issuerAbbreviation(data.body));
}

/** "… , ngày 20 tháng 05 năm 2025" ; a draft leaves the day and the month to the signing. */
function dateWords(data: DecisionDocumentData): string {
  return data.draft ? `ngày      tháng      năm ${data.date.slice(0, 4)}` : vietnameseLongDate(data.date);
}

/** The achievement the decision rewards: the campaign, and the year or the review it closes. */
function achievement(data: DecisionDocumentData): string {
  const c = data.campaignName;
  if (data.occasion.kind === 'ANNUAL') return `${c}, năm ${data.occasion.year}`;
  return `${c}, dịp ${data.occasion.name.charAt(0).toLocaleLowerCase('vi')}${data.occasion.name.slice(1)}`;
}

/** Annex rows: the collectives (I), then the individuals (II), each numbered, and the total. */
function annexRows(lines: DecisionLine[]): string[][] {
  const money = (n: number | null) => (n === null ? '' : formatMoney(n));
  const groups: Array<[string, string, DecisionLine[]]> = [
    ['I', 'TẬP THỂ', lines.filter((l) => l.collective)],
    ['II', 'CÁ NHÂN', lines.filter((l) => !l.collective)],
  ];
  const present = groups.filter((g) => g[2].length);
  const rows: string[][] = [];
  for (const [roman, label, ls] of present) {
    if (present.length > 1) rows.push([roman, label, '']);
    ls.forEach((l, i) => rows.push([String(i + 1), l.description ? `${l.name}, ${l.description}` : l.name, money(l.amount)]));
  }
  rows.push(['', 'Tổng cộng', formatMoney(lines.reduce((s, l) => s + (l.amount ?? 0), 0))]);
  return rows;
}

/**
 * The Quyết định khen thưởng of a Chủ tịch UBND in the NĐ 30/2020 layout: the body in force on the date, its number,
 * the authority and the bases (the laws, the decree in force, the campaign plan, the council's minutes, Nội vụ's
 * proposal), Điều 1 (who is awarded, the list in the annex), Điều 2 (the bonus: the total in figures and words, paid
 * from the body's emulation and commendation fund), Điều 3 (who executes), Nơi nhận, the signature; then the annex.
 */
export function decisionDocument(data: DecisionDocumentData): AdministrativeDocument {
  const bodyFull = fullBodyName(data.body);
  const place = placeOf(data.body) || data.body;
  const word = certificateWord(data.form.kind, data.form.name);
  const collectives = data.lines.filter((l) => l.collective).length;
  const total = data.lines.reduce((s, l) => s + (l.amount ?? 0), 0);
  const chairTitle = `Chủ tịch ${data.body}`;
  const decisionRef = data.number ? `số ${data.number} ngày ${formatVietnameseDate(data.date)}` : `số        /${TYPE_SYMBOL}-${issuerAbbreviation(data.body)} ${dateWords(data)}`;
  const bases: string[] = [
    ...lawBases(data.date),
    ...(data.decree ? [decreeBasis(data.decree)] : []),
    ...(data.form.legalBasis ? [planBasis(data.form.legalBasis)] : []),
    ...data.councilMeetings.map((m) => `Căn cứ Biên bản họp ${m.name} ngày ${formatVietnameseDate(m.date)};`),
    data.appraisingAgency
      ? `Xét đề nghị của ${data.appraisingAgency} tại Tờ trình số        /TTr-${issuerAbbreviation(data.appraisingAgency)} ngày      tháng      năm      .`
      : `Xét đề nghị của cơ quan làm công tác thi đua, khen thưởng tại Tờ trình số        ngày      tháng      năm      .`,
  ];
  const executors = [
    `Chánh Văn phòng ${data.body}`,
    ...(data.appraisingAgency ? [headOf(data.appraisingAgency)] : []),
    ...(data.leadAgency && data.leadAgency !== data.appraisingAgency ? [headOf(data.leadAgency)] : []),
  ];
  const body: BodyLine[] = [
    { text: `CHỦ TỊCH ${bodyFull.toLocaleUpperCase('vi')}`, bold: true, center: true },
    ...bases.map((text) => ({ text, italic: true })),
    { text: 'QUYẾT ĐỊNH:', bold: true, center: true },
    `Điều 1. Tặng ${data.form.name} cho ${awardeeCount(collectives, data.lines.length - collectives)} (có danh sách kèm theo) đã có thành tích xuất sắc trong ${achievement(data)}.`,
    `Điều 2. Kèm theo ${word} là tiền thưởng theo quy định${data.decree ? ` tại Nghị định số ${data.decree.number}` : ''}; tổng số tiền là ${formatMoney(total)} đồng (${amountInWords(total)}), mức thưởng của từng tập thể, cá nhân theo danh sách kèm theo. Kinh phí khen thưởng được chi từ Quỹ thi đua, khen thưởng của ${data.body}.`,
    `Điều 3. Quyết định này có hiệu lực kể từ ngày ký. ${executors.join(', ')}, Thủ trưởng các cơ quan, đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.`,
  ];
  return {
    issuerParent: '',
    issuer: bodyFull.toLocaleUpperCase('vi'),
    number: numberLine(data),
    placeAndDate: `${place}, ${dateWords(data)}`,
    title: 'QUYẾT ĐỊNH',
    subtitle: `Về việc tặng ${data.form.name}`,
    body,
    recipients: ['Như Điều 3', ...(data.leadAgency ? [data.leadAgency] : []), 'Lưu: VT'],
    signer: { position: signaturePosition(data.signer.title ?? chairTitle), name: data.signer.name ?? '' },
    annexes: [
      {
        title: `DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG ${data.form.name.toLocaleUpperCase('vi')}`,
        note: `(Kèm theo Quyết định ${decisionRef} của ${chairTitle})`,
        body: [{ table: { header: ['STT', 'Tên tập thể, cá nhân (chức vụ, đơn vị)', 'Số tiền (đồng)'], rows: annexRows(data.lines) } }],
      },
    ],
  };
}
