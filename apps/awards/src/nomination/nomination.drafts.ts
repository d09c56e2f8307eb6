import { formatVietnameseDate } from '@thidua/platform';
import type { GraphClient } from '@thidua/graph-client';
import { administrativeDocx, fileSlug, placeOf, vietnameseLongDate } from '@thidua/documents';
import { formAvailableOn, instrumentInForce } from '../award-form/award-form.rules';
import { NominationDraftDocument } from '../generated/graph';
import type { Nomination } from './nomination.entity';
import { nominationError } from './nomination.errors';
import type { Clause } from './nomination.rules';
import type { EligibilityLoaders } from './nomination.service';

/** Which draft: the Tờ trình (the proposal letter) or the Báo cáo thành tích (the achievement report). */
export type DraftKind = 'TO_TRINH' | 'BAO_CAO_THANH_TICH';

/** What a draft reads besides the loaders: the graph, and the nomination's explained eligibility. */
export interface DraftDeps {
  graph: GraphClient;
  eligibility: (n: Nomination, loaders: EligibilityLoaders) => Promise<{ eligible: boolean; clauses: Clause[] }>;
}

/**
 * Draft the Tờ trình or the Báo cáo thành tích as Word (NĐ 30/2020 layout) from the nomination's data, for the
 * proposing unit to edit, sign and upload back into the dossier.
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
  const decree = instrumentInForce((await loaders.instruments.load('all')).filter((i) => i.code.startsWith('ND-')), n.nominationDate);
  const g = await deps.graph.query(NominationDraftDocument, {
    campaignId: n.campaignId,
    proposerId: n.proposingUnitId,
    unitId: n.candidateUnitId ?? n.proposingUnitId,
    personId: n.candidatePersonId ?? n.proposingUnitId,
    hasUnit: !!n.candidateUnitId,
    hasPerson: !!n.candidatePersonId,
  });
  const candidate = g.unit?.name ?? g.person?.fullName ?? '';
  const proposer = g.proposer?.name ?? '';
  const place = placeOf(g.campaign?.jurisdiction.name ?? '') || '…';
  const e = await deps.eligibility(n, loaders);
  const facts = e.clauses.filter((c) => c.result === 'PASS').map((c) => `- ${c.basis}`);
  const common = {
    issuerParent: (g.proposer?.parent?.name ?? '').toLocaleUpperCase('vi'),
    issuer: proposer.toLocaleUpperCase('vi'),
    placeAndDate: `${place}, ${vietnameseLongDate(n.nominationDate)}`,
    signer: { position: kind === 'TO_TRINH' ? 'THỦ TRƯỞNG CƠ QUAN' : 'THỦ TRƯỞNG ĐƠN VỊ', name: '' },
  };
  const buffer =
    kind === 'TO_TRINH'
      ? await administrativeDocx({
          ...common,
          number: 'Số:        /TTr',
          title: 'TỜ TRÌNH',
          subtitle: `Về việc đề nghị tặng ${form.name}`,
          body: [
            { text: `Kính gửi: ${form.authorityTitle}.`, center: true },
            `Thực hiện ${g.campaign?.name ?? 'phong trào thi đua'}; căn cứ kết quả bình xét của Hội đồng Thi đua - Khen thưởng, ${proposer} kính trình ${form.authorityTitle} xem xét, tặng ${form.name} cho ${candidate} đã có thành tích xuất sắc trong phong trào (${occasion.name}).`,
            `Thành tích: ${n.achievementSummary}`,
            'Căn cứ đề nghị:',
            ...facts,
            'Hồ sơ kèm theo: Báo cáo thành tích có xác nhận của cấp trình khen; Biên bản họp Hội đồng Thi đua - Khen thưởng.',
            `Kính trình ${form.authorityTitle} xem xét, quyết định./.`,
          ],
          recipients: ['Như trên', 'Lưu: VT'],
        })
      : await administrativeDocx({
          ...common,
          issuerParent: (g.proposer?.name ?? '').toLocaleUpperCase('vi'),
          issuer: candidate.toLocaleUpperCase('vi'),
          number: '',
          title: 'BÁO CÁO THÀNH TÍCH',
          subtitle: `Đề nghị tặng ${form.name}`,
          body: [
            { text: `(${decree?.reportTemplate ? `${decree.reportTemplate} theo Nghị định số ${decree.number}` : `Mẫu báo cáo thành tích theo văn bản hiện hành${decree ? ` (${decree.number})` : ''}`})`, italic: true, center: true },
            { text: 'I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH', bold: true },
            `Tên ${n.candidateUnitId ? 'tập thể' : 'cá nhân'}: ${candidate}.`,
            { text: 'II. THÀNH TÍCH ĐẠT ĐƯỢC', bold: true },
            n.achievementSummary,
            ...facts,
            { text: 'III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC GHI NHẬN', bold: true },
            '(Đơn vị bổ sung.)',
            { text: `XÁC NHẬN CỦA CẤP TRÌNH KHEN (${proposer})`, bold: true, center: true },
          ],
        });
  return { name: `${kind === 'TO_TRINH' ? 'To-trinh' : 'Bao-cao-thanh-tich'}-${fileSlug(candidate)}.docx`, buffer };
}
