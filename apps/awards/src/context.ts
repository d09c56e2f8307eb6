import { byIdLoader, groupedLoader, type BaseContext, type Database, type PlatformConfig } from '@thidua/platform';
import { createGraphClient } from '@thidua/graph-client';
import { NominationService } from './nomination/nomination.service';
import type { AwardForm, Occasion } from './award-form/award-form.entity';
import { AwardFormService } from './award-form/award-form.service';

/** A campaign as awards knows it: an id owned by participants. */
export interface CampaignRef {
  id: string;
}

export interface Services {
  db: Database;
  forms: AwardFormService;
  nominations: NominationService;
}

export function createServices(db: Database, config: PlatformConfig): Services {
  const graph = createGraphClient({ url: config.gatewayUrl, auth: config.auth, service: 'awards', serviceToken: config.serviceToken });
  return { db, forms: new AwardFormService(db), nominations: new NominationService(db, graph) };
}

/** Per-request batch loaders. */
export function createLoaders(s: Services) {
  return {
    form: byIdLoader<AwardForm>((ids) => s.forms.formsByIds(ids)),
    occasion: byIdLoader<Occasion>((ids) => s.forms.occasionsByIds(ids)),
    campaignForms: groupedLoader<AwardForm>((f) => f.campaignId, (ids) => s.forms.formsOf(ids)),
    campaignOccasions: groupedLoader<Occasion>((o) => o.campaignId, (ids) => s.forms.occasionsOf(ids)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

export interface AwardsContext extends BaseContext {
  services: Services;
  loaders: Loaders;
}
