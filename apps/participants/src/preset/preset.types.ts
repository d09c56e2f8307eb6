import { LegalDocumentValue } from '@thidua/platform';
import type { MilestoneKind, Recurrence } from '../campaign/campaign.entity';
import type { OrgUnitKind } from '../org-unit/org-unit.entity';

export interface UnitPreset {
  code: string;
  name: string;
  kind: OrgUnitKind;
  parent?: string;
  validFrom?: string;
  email?: string;
}

/** A reorganisation applied once, in order, after the units exist. */
export type ReformPreset =
  | { kind: 'MERGE_INTO'; units: string[]; into: string; effectiveDate: string; basis: LegalDocumentValue; note?: string }
  | { kind: 'DISSOLVE'; unit: string; effectiveDate: string; basis: LegalDocumentValue; transferChildrenTo?: string; note?: string }
  | { kind: 'RENAME'; unit: string; name: string; effectiveDate: string; basis: LegalDocumentValue };

export interface MilestonePreset {
  kind: MilestoneKind;
  title: string;
  startDate?: string;
  dueDate: string;
  recurrence: Recurrence;
  sourceClause: string;
  recipient?: string;
  phase?: number;
}

export interface CampaignPreset {
  code: string;
  name: string;
  issuerTitle: string;
  issuer: string;
  document: LegalDocumentValue;
  legalBasis: LegalDocumentValue[];
  jurisdiction: string;
  startDate: string;
  endDate: string;
  lead: string;
  appraising: string;
  expectedUnitKinds: OrgUnitKind[];
  contentAreas: Array<{ code: string; title: string }>;
  prioritySectors: Array<{ code: string; name: string; actions: string[] }>;
  phases: Array<{ name: string; startDate: string; endDate: string }>;
  milestones: MilestonePreset[];
  clusters: Array<{ code: string; name: string; description: string; members: string[] }>;
}

export interface Preset {
  units: UnitPreset[];
  reforms: ReformPreset[];
  campaign: CampaignPreset;
}

/** A legal document of a preset: number, date, issuer, title. */
export function legalDoc(number: string, date: string | null, issuer: string, title: string | null = null): LegalDocumentValue {
  return { number, date, issuer, title };
}
