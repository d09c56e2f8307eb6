import { formatVietnameseDate, todayInVietnam } from '@thidua/platform';
import type { GraphClient } from '@thidua/graph-client';
import { administrativeDocx, documentNumber, fileSlug, issuerAbbreviation, placeOf, vietnameseLongDate, vietnameseNumber, type AdministrativeDocument, type BodyLine } from '@thidua/documents';
import type { LegalInstrument } from '../award-form/award-form.entity';
import { formAvailableOn, instrumentInForce } from '../award-form/award-form.rules';
import { NominationDraftDocument, type NominationDraftQuery } from '../generated/graph';
import type { Nomination } from './nomination.entity';
import { nominationError } from './nomination.errors';
import type { Clause } from './nomination.rules';
import type { EligibilityLoaders, UnitFacts } from './nomination.service';
import { CONFIRMER_LABELS, copiesText, type AwardRulesValue } from '../award-rules/award-rules.rules';

/** Which draft: the Tờ trình (the proposal letter) or the Báo cáo thành tích (the achievement report). */
export type DraftKind = 'TO_TRINH' | 'BAO_CAO_THANH_TICH';

/** What a draft reads besides the loaders: the graph, and the nomination's explained eligibility. */
export interface DraftDeps {
  graph: GraphClient;
  /** The campaign's rules on dossiers: who confirms the report, how many copies. */
  rules: (campaignId: string) => Promise<AwardRulesValue>;
  eligibility: (n: Nomination, loaders: EligibilityLoaders) => Promise<{ eligible: boolean; clauses: Clause[] }>;
}

type DraftGraph = NominationDraftQuery;
type DraftAward = NonNullable<NonNullable<DraftGraph['unit']>['awards']>[number];

const upper = (s: string) => s.toLocaleUpperCase('vi');
/** A dotted line the unit fills in by hand (what the system does not know). */
const DOTS = '.'.repeat(60);
const orDots = (v: string | null | undefined) => (v && v.trim() ? v.trim() : DOTS);
const item = (text: string): BodyLine => text;
/** A part's heading ("I. SƠ LƯỢC LÝ LỊCH") flush left, a section's ("1. Thành tích") indented; kept with what follows. */
const heading = (text: string): BodyLine => ({ text, bold: true, keepNext: true, ...(/^[IVX]+\./.test(text) ? { indent: false as const } : {}) });

/**
 * The achievement-report template a draft may name for this candidate: what the legal table states as verified and for
 * this kind of candidate ("Mẫu số 02 (báo cáo thành tích tập thể)" is a collective's form), else none. A template the
 * table marks unverified ("cần kiểm chứng") is never printed.
 */
export function verifiedTemplate(template: string | null | undefined, candidate: 'UNIT' | 'PERSON'): string | null {
  if (!template || /kiểm chứng/i.test(template)) return null;
  const number = /^Mẫu số\s+\S+/u.exec(template)?.[0];
  if (!number) return null;
  if (candidate === 'PERSON' && /tập thể/i.test(template) && !/cá nhân/i.test(template)) return null;
  if (candidate === 'UNIT' && /cá nhân/i.test(template) && !/tập thể/i.test(template)) return null;
  return number;
}

/** The signer of what a body issues: the head of a People's Committee signs for it; a Phòng's, Sở's or Ban's head. */
function headOf(unit: { name: string; kind: string } | null | undefined): string {
  if (!unit) return 'THỦ TRƯỞNG CƠ QUAN';
  if (/_PC$/.test(unit.kind)) return 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH';
  if (/^Phòng\s/iu.test(unit.name)) return 'TRƯỞNG PHÒNG';
  if (/^Sở\s/iu.test(unit.name)) return 'GIÁM ĐỐC';
  if (/^Ban\s/iu.test(unit.name)) return 'TRƯỞNG BAN';
  return 'THỦ TRƯỞNG CƠ QUAN';
}

/** The registration for the campaign (sent or accepted), and the day it was sent, in words. */
function registrationLine(registrations: Array<{ status: string; submittedAt: string | null; campaign: { id: string } }> | undefined, campaignId: string, nominationDate: string): string | null {
  const r = registrations?.find((x) => x.campaign.id === campaignId && (x.status === 'SUBMITTED' || x.status === 'ACCEPTED'));
  if (!r) return null;
  // The day it was sent, when it is known and not after the letter's date (one entered later from the paper record is not).
  const sent = r.submittedAt ? todayInVietnam(new Date(r.submittedAt)) : null;
  return sent && sent <= nominationDate ? `Đã đăng ký tham gia phong trào ngày ${formatVietnameseDate(sent)}.` : 'Đã đăng ký tham gia phong trào.';
}

/**
 * The grounds of a nomination in plain words, from the facts that passed eligibility: the registration, the year's
 * published score, the tasks completed on time, the reports sent on time.
 */
function grounds(n: Nomination, year: number, clauses: Clause[], facts: UnitFacts | null, registration: string | null): string[] {
  const passed = (code: string) => clauses.some((c) => c.code === code && c.result === 'PASS');
  const out: string[] = [];
  if (registration && (passed('REGISTERED') || !n.candidateUnitId)) out.push(registration);
  const s = facts?.score;
  if (s && passed('SCORE_THRESHOLD')) {
    const points = s.total <= s.maxPoints ? `${vietnameseNumber(s.total)}/${vietnameseNumber(s.maxPoints)} điểm` : `${vietnameseNumber(s.total)} điểm (thang điểm ${vietnameseNumber(s.maxPoints)})`;
    out.push(`Kết quả đánh giá, xếp loại mức độ chuyển đổi số năm ${year}: ${points}, xếp loại ${s.classification}.`);
  }
  const t = facts?.taskCompletion;
  if (t && t.assigned && passed('TASKS_ON_TIME')) out.push(`Hoàn thành ${t.completedOnTime}/${t.assigned} nhiệm vụ được giao năm ${year}, đúng thời hạn.`);
  const r = facts?.reportingRecord;
  if (r && passed('REPORTS_ON_TIME')) out.push(`Gửi đủ, đúng hạn các báo cáo định kỳ; báo cáo kết quả năm ${year} gửi ngày ${formatVietnameseDate(r.submittedOn ?? '')}.`);
  return out;
}

/** "Năm 2024: Giấy khen của Chủ tịch UBND thành phố (Quyết định số 12/QĐ-UBND ngày 15/01/2025 của Chủ tịch UBND …)." */
const awardLine = (a: DraftAward) => `Năm ${a.occasion.year}: ${a.form.name} (Quyết định số ${a.decision.number} ngày ${formatVietnameseDate(a.decision.date)} của ${a.decision.signerTitle}).`;

/** The report's line naming the decree in force and, when verified for this candidate, its template. */
function templateLine(decree: LegalInstrument | null, candidate: 'UNIT' | 'PERSON'): BodyLine[] {
  if (!decree) return [];
  const template = verifiedTemplate(decree.reportTemplate, candidate);
  return [{ text: `(Theo ${template ?? 'mẫu báo cáo thành tích'} ban hành kèm theo Nghị định số ${decree.number} của Chính phủ)`, italic: true, center: true }];
}

/**
 * Draft the Tờ trình or the Báo cáo thành tích as Word (NĐ 30/2020 layout) from the nomination's data, for the
 * proposing unit to edit, sign and upload back into the dossier. The Tờ trình is the proposing unit's, addressed to the
 * form's authority, its grounds in plain words; the Báo cáo thành tích follows the achievement-report form of the
 * decree in force on the nomination date, for a collective (I. Sơ lược đặc điểm, tình hình) or an individual (I. Sơ
 * lược lý lịch), with the XÁC NHẬN CỦA CẤP TRÌNH KHEN beside the signature. What the system does not know is a dotted
 * line for the unit to fill in by hand.
 */
export async function nominationDraft(deps: DraftDeps, n: Nomination, kind: DraftKind, loaders: EligibilityLoaders): Promise<{ name: string; buffer: Buffer }> {
  const [form, occasion] = await Promise.all([loaders.form.load(n.formId), loaders.occasion.load(n.occasionId)]);
  if (!form || !occasion) throw nominationError('NOMINATION_FORM_INVALID');
  // Both drafts are dated the nomination's date and address the form's authority: never one that had ended by then
  // (the Chủ tịch UBND of a district-level city after 1/7/2025).
  if (!formAvailableOn(form, n.nominationDate)) {
    throw nominationError(
      'NOMINATION_AUTHORITY_LAPSED',
      { formId: form.id, nominationDate: n.nominationDate, validTo: form.validTo },
      `Ngày ${formatVietnameseDate(n.nominationDate)}, ${form.authorityTitle} không còn thẩm quyền tặng ${form.name}; không lập được văn bản đề nghị gửi cấp này. Hãy chọn hình thức khen thưởng của cấp có thẩm quyền vào ngày đề nghị.`,
    );
  }
  const instruments = await loaders.instruments.load('all');
  const decree = instrumentInForce(instruments.filter((i) => i.code.startsWith('ND-')), n.nominationDate);
  const law = instrumentInForce(instruments.filter((i) => i.code.startsWith('LUAT-')), n.nominationDate);
  const [g, e, facts] = await Promise.all([
    deps.graph.query(NominationDraftDocument, {
      campaignId: n.campaignId,
      proposerId: n.proposingUnitId,
      unitId: n.candidateUnitId ?? n.proposingUnitId,
      personId: n.candidatePersonId ?? n.proposingUnitId,
      hasUnit: !!n.candidateUnitId,
      hasPerson: !!n.candidatePersonId,
    }),
    deps.eligibility(n, loaders),
    n.candidateUnitId ? loaders.unitFacts.load({ campaignId: n.campaignId, year: occasion.year, unitId: n.candidateUnitId }) : null,
  ]);
  const person = g.person ?? null;
  const rules = await deps.rules(n.campaignId);
  // Who confirms the report, as the campaign's plan says (BMT: cấp trình khen; ĐN: thủ trưởng đơn vị and cấp trên trực
  // tiếp). A collective's report is signed by its head, so only the others confirm it beside the signature.
  const confirmers = rules.reportConfirmations.map((c) => CONFIRMER_LABELS[c]);
  const besideSignature = rules.reportConfirmations.filter((c) => person || c !== 'UNIT_HEAD').map((c) => CONFIRMER_LABELS[c]);
  const candidate = g.unit?.name ?? person?.fullName ?? '';
  const proposer = g.proposer?.name ?? '';
  const campaign = g.campaign?.name ?? 'phong trào thi đua';
  const place = placeOf(g.campaign?.jurisdiction.name ?? '');
  const placeAndDate = `${place ? `${place}, ` : ''}${vietnameseLongDate(n.nominationDate)}`;
  const registration = registrationLine(g.unit?.registrations ?? person?.registrations, n.campaignId, n.nominationDate);
  // "năm 2024" for an annual occasion ("Khen thưởng hằng năm 2024"), else the occasion: "đợt sơ kết Phong trào …".
  const period = occasion.kind === 'ANNUAL' ? `năm ${occasion.year}` : `đợt ${occasion.name.charAt(0).toLocaleLowerCase('vi')}${occasion.name.slice(1)}`;
  const bases = grounds(n, occasion.year, e.clauses, facts?.unit ?? null, registration);
  // Who is proposed, as the letter names them: a collective by its name; a person with their position and unit.
  const named = person ? [person.fullName, person.position, person.unit?.name].filter((x) => x).join(', ') : candidate;
  let doc: AdministrativeDocument;
  if (kind === 'TO_TRINH') {
    doc = {
      issuerParent: upper(g.proposer?.parent?.name ?? ''),
      issuer: upper(proposer),
      number: documentNumber('TTr', issuerAbbreviation(proposer)),
      placeAndDate,
      title: 'TỜ TRÌNH',
      subtitle: `Về việc đề nghị tặng ${form.name}`,
      body: [
        { text: `Kính gửi: ${form.authorityTitle}.`, center: true },
        ...(law ? [`Căn cứ Luật Thi đua, khen thưởng số ${law.number};`] : []),
        ...(decree ? [`Căn cứ Nghị định số ${decree.number} của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;`] : []),
        `Thực hiện ${campaign};`,
        `Xét thành tích đạt được ${period}, ${proposer} kính trình ${form.authorityTitle} xem xét, tặng ${form.name} cho ${named}.`,
        heading('1. Thành tích'),
        n.achievementSummary,
        ...(bases.length ? [heading('2. Căn cứ đề nghị'), ...bases.map((b) => item(`- ${b}`))] : []),
        heading(`${bases.length ? 3 : 2}. Hồ sơ kèm theo`),
        item(`- Báo cáo thành tích có xác nhận của ${confirmers.join(' và ')};`),
        item('- Biên bản họp Hội đồng Thi đua - Khen thưởng.'),
        item(`Số lượng hồ sơ: ${copiesText(rules.dossierCopies)}.`),
        `Kính trình ${form.authorityTitle} xem xét, quyết định./.`,
      ],
      signer: { position: headOf(g.proposer), name: '' },
      recipients: ['Như trên', 'Lưu: VT'],
    };
  } else {
    const awards = (g.unit?.awards ?? person?.awards ?? []).slice().sort((a, b) => a.occasion.year - b.occasion.year);
    const awardLines = awards.length ? awards.map((a) => item(`- ${awardLine(a)}`)) : [item(`- ${DOTS}`), item(`- ${DOTS}`)];
    const achievements = [n.achievementSummary, ...(bases.length ? [`Kết quả thực hiện ${campaign} ${period}:`, ...bases.map((b) => item(`- ${b}`))] : [])];
    const body: BodyLine[] = person
      ? [
          ...templateLine(decree, 'PERSON'),
          heading('I. SƠ LƯỢC LÝ LỊCH'),
          item(`- Họ và tên: ${person.fullName}`),
          item(`- Ngày, tháng, năm sinh: ${person.dateOfBirth ? formatVietnameseDate(person.dateOfBirth) : DOTS}`),
          item(`- Giới tính: ${person.gender === 'MALE' ? 'Nam' : person.gender === 'FEMALE' ? 'Nữ' : DOTS}`),
          item(`- Quê quán: ${orDots(person.homeTown)}`),
          item(`- Nơi thường trú: ${orDots(person.residence)}`),
          item(`- Đơn vị công tác: ${orDots(person.unit?.name)}`),
          item(`- Chức vụ (Đảng, chính quyền, đoàn thể): ${orDots(person.position)}`),
          item(`- Trình độ chuyên môn, nghiệp vụ: ${DOTS}`),
          heading('II. THÀNH TÍCH ĐẠT ĐƯỢC'),
          heading('1. Quyền hạn, nhiệm vụ được giao'),
          item(DOTS),
          heading('2. Thành tích đạt được'),
          ...achievements,
          heading('III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC GHI NHẬN'),
          ...awardLines,
        ]
      : [
          ...templateLine(decree, 'UNIT'),
          heading('I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH'),
          heading('1. Đặc điểm, tình hình'),
          item(`- Tên tập thể: ${candidate}`),
          item(`- Cơ quan cấp trên trực tiếp: ${orDots(g.unit?.parent?.name)}`),
          ...(g.unit?.field ? [item(`- Lĩnh vực hoạt động: ${g.unit.field}`)] : []),
          item(`- Địa chỉ trụ sở: ${DOTS}`),
          item(`- Điện thoại: ${DOTS}`),
          item(`- Thư điện tử: ${orDots(g.unit?.email)}`),
          heading('2. Chức năng, nhiệm vụ'),
          item(DOTS),
          heading('II. THÀNH TÍCH ĐẠT ĐƯỢC'),
          ...achievements,
          heading('III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC GHI NHẬN'),
          ...awardLines,
        ];
    // The heading is the candidate unit's (or, for a person, their unit's; a citizen's report has no issuing body).
    const unit = g.unit ?? person?.unit ?? null;
    doc = {
      issuerParent: upper(unit?.parent?.name ?? ''),
      issuer: upper(unit?.name ?? ''),
      number: '',
      placeAndDate,
      title: 'BÁO CÁO THÀNH TÍCH',
      subtitle: `Đề nghị tặng ${form.name}`,
      body,
      confirmation: { heading: `XÁC NHẬN CỦA ${(besideSignature.length ? besideSignature : ['cấp trình khen']).join(' và ').toLocaleUpperCase('vi')}`, lines: ['(Ký, đóng dấu)'] },
      signer: person ? { position: 'NGƯỜI BÁO CÁO THÀNH TÍCH', note: '(Ký, ghi rõ họ tên)', name: person.fullName } : { position: 'THỦ TRƯỞNG ĐƠN VỊ', note: '(Ký, đóng dấu)', name: '' },
    };
  }
  const buffer = await administrativeDocx(doc);
  return { name: `${kind === 'TO_TRINH' ? 'To-trinh' : 'Bao-cao-thanh-tich'}-${fileSlug(candidate)}.docx`, buffer };
}
