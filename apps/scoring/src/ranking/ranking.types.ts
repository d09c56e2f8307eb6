/** An org unit as scoring knows it: an id owned by participants; the gateway joins the rest. */
export interface OrgUnitRef {
  id: string;
}

/** A campaign as scoring knows it: an id owned by participants. */
export interface CampaignRef {
  id: string;
}
