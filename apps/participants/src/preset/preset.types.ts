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
  unconfirmed?: string;
}

/**
 * What a preset entry could not confirm from a published source (a date, a composition, a document's number), for the
 * people maintaining the data. It never reaches a user: names, notes and legal documents carry only what is confirmed.
 */
type Unconfirmed = { unconfirmed?: string };

/**
 * A reorganisation applied once, in order, after the units exist. MERGE_INTO with `formed` creates the unit `into` on the
 * merger's date from its predecessors (a ward formed on 1/7/2025); without it, `into` is a unit that already exists.
 * A legal basis is null where no published document could be confirmed (see `unconfirmed`).
 */
export type ReformPreset = Unconfirmed &
  (
    | {
        kind: 'MERGE_INTO';
        units: string[];
        into: string;
        formed?: { name: string; kind: OrgUnitKind; parent: string };
        effectiveDate: string;
        basis: LegalDocumentValue | null;
        note?: string;
      }
    | {
        kind: 'DISSOLVE';
        unit: string;
        effectiveDate: string;
        basis: LegalDocumentValue;
        transferChildrenTo?: string;
        /** The unit that takes over the dissolved one's tasks (recorded as its successor). */
        successor?: string;
        note?: string;
      }
    | { kind: 'RENAME'; unit: string; name: string; effectiveDate: string; basis: LegalDocumentValue }
  );

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
  /** Cụm, khối thi đua; `validFrom` for a cluster of units formed by a reform (created once its members exist). */
  clusters: Array<{ code: string; name: string; description: string; members: string[]; validFrom?: string }>;
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
