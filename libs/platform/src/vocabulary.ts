/** Kinds of org unit, the same in every subgraph's schema (participants owns the units). */
export const ORG_UNIT_KINDS = [
  'PROVINCE_PC',
  'CITY_PC',
  'DISTRICT_PC',
  'DEPARTMENT',
  'MASS_ORGANISATION',
  'WARD_PC',
  'COMMUNE_PC',
  'ENTERPRISE',
  'CENTRAL_AGENCY',
] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];
