import { randomUUID } from 'node:crypto';
import { recordAudit, rethrowUnique, type Database, type LegalDocumentValue } from '@thidua/platform';
import { In } from 'typeorm';
import { AwardForm, LegalInstrument, Occasion, type Authority, type FormKind, type OccasionKind } from './award-form.entity';
import { awardFormError } from './award-form.errors';

export interface FormFields {
  id?: string;
  campaignId: string;
  code: string;
  name: string;
  kind: FormKind;
  authority: Authority;
  authorityTitle: string;
  forCollectives: boolean;
  forIndividuals: boolean;
  legalBasis?: LegalDocumentValue | null;
  validFrom?: string | null;
  validTo?: string | null;
}

export interface OccasionFields {
  id?: string;
  campaignId: string;
  kind: OccasionKind;
  name: string;
  year: number;
  startDate?: string | null;
  endDate: string;
}

/** Award forms, occasions and the legal instruments they are judged by (R11). */
export class AwardFormService {
  constructor(private readonly db: Database) {}

  async formsOf(campaignIds: readonly string[]): Promise<AwardForm[]> {
    return campaignIds.length ? this.db.manager.find(AwardForm, { where: { campaignId: In([...campaignIds]) }, order: { code: 'ASC' } }) : [];
  }

  async occasionsOf(campaignIds: readonly string[]): Promise<Occasion[]> {
    return campaignIds.length ? this.db.manager.find(Occasion, { where: { campaignId: In([...campaignIds]) }, order: { endDate: 'ASC', name: 'ASC' } }) : [];
  }

  async formsByIds(ids: readonly string[]): Promise<AwardForm[]> {
    return ids.length ? this.db.manager.find(AwardForm, { where: { id: In([...ids]) } }) : [];
  }

  async occasionsByIds(ids: readonly string[]): Promise<Occasion[]> {
    return ids.length ? this.db.manager.find(Occasion, { where: { id: In([...ids]) } }) : [];
  }

  async instruments(): Promise<LegalInstrument[]> {
    return this.db.manager.find(LegalInstrument, { order: { validFrom: 'ASC' } });
  }

  async createForm(input: FormFields): Promise<AwardForm> {
    if (!input.forCollectives && !input.forIndividuals) throw awardFormError('AWARD_FORM_FOR_NOBODY');
    return this.db.transaction(async (m) => {
      if (await m.findOne(AwardForm, { where: { campaignId: input.campaignId, code: input.code } })) throw awardFormError('AWARD_FORM_CODE_TAKEN', { code: input.code });
      const form = m.create(AwardForm, { ...input, id: input.id ?? randomUUID(), legalBasis: input.legalBasis ?? null, validFrom: input.validFrom ?? null, validTo: input.validTo ?? null });
      try {
        await m.save(form);
      } catch (err) {
        rethrowUnique(err, awardFormError('AWARD_FORM_CODE_TAKEN', { code: input.code }));
      }
      await recordAudit(m, { entityType: 'AwardForm', entityId: form.id, action: 'create', after: form });
      return form;
    });
  }

  async createOccasion(input: OccasionFields): Promise<Occasion> {
    if (input.startDate && input.startDate > input.endDate) throw awardFormError('OCCASION_DATES_INVALID');
    return this.db.transaction(async (m) => {
      const o = m.create(Occasion, { ...input, id: input.id ?? randomUUID(), startDate: input.startDate ?? null });
      await m.save(o);
      await recordAudit(m, { entityType: 'Occasion', entityId: o.id, action: 'create', after: o });
      return o;
    });
  }
}
