/** Who must confirm a Báo cáo thành tích, as a campaign's plan requires (BMT: cấp trình khen; ĐN: thủ trưởng đơn vị and cấp trên trực tiếp). */
export const REPORT_CONFIRMERS = ['PROPOSING_LEVEL', 'UNIT_HEAD', 'DIRECT_SUPERIOR'] as const;
export type ReportConfirmer = (typeof REPORT_CONFIRMERS)[number];

/** When the public consultation (công khai, lấy ý kiến) on the nominations is held. */
export const CONSULTATION_STAGES = ['BEFORE_COUNCIL', 'BEFORE_DECISION'] as const;
export type ConsultationStage = (typeof CONSULTATION_STAGES)[number];

/** Who a confirmation is by, as the dossier's detail names it. */
export const CONFIRMER_LABELS: Record<ReportConfirmer, string> = {
  PROPOSING_LEVEL: 'cấp trình khen',
  UNIT_HEAD: 'thủ trưởng đơn vị',
  DIRECT_SUPERIOR: 'thủ trưởng cấp trên trực tiếp',
};

/** A campaign's rules on dossiers and their path (the plan's «Thủ tục, hồ sơ đề nghị khen thưởng»). */
export interface AwardRulesValue {
  /** "Số lượng hồ sơ đề nghị khen thưởng: 01 bộ". */
  dossierCopies: number;
  /** Dossiers pass through the campaign's lead agency for compilation and review before Nội vụ. */
  leadReviewRequired: boolean;
  /** Who must confirm the Báo cáo thành tích. */
  reportConfirmations: ReportConfirmer[];
  /** Days of public consultation on the nominations; 0: none. */
  consultationDays: number;
  consultationStage: ConsultationStage;
}

/**
 * What a campaign follows while nobody has set its rules: one copy, the report confirmed by the proposing level
 * (NĐ 98/2023 Điều 84), no lead-agency review, a five-day consultation before the council.
 */
export const DEFAULT_AWARD_RULES: AwardRulesValue = {
  dossierCopies: 1,
  leadReviewRequired: false,
  reportConfirmations: ['PROPOSING_LEVEL'],
  consultationDays: 5,
  consultationStage: 'BEFORE_COUNCIL',
};

/** "01 bộ", "02 bộ": the number of copies as the plans write it. */
export function copiesText(copies: number): string {
  return `${String(copies).padStart(2, '0')} bộ`;
}

/** The confirmers in their order of the catalogue, each once. */
export function normalizeConfirmers(list: readonly string[]): ReportConfirmer[] {
  return REPORT_CONFIRMERS.filter((c) => list.includes(c));
}
