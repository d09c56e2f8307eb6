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

/** The kinds of unit as officials name them, in workbooks and documents (the same words as the web's labels). */
export const ORG_UNIT_KIND_LABELS: Record<OrgUnitKind, string> = {
  PROVINCE_PC: 'UBND tỉnh, thành phố',
  CITY_PC: 'UBND thành phố',
  DISTRICT_PC: 'UBND cấp huyện',
  DEPARTMENT: 'Sở, ban, ngành',
  MASS_ORGANISATION: 'Đoàn thể',
  WARD_PC: 'UBND phường',
  COMMUNE_PC: 'UBND xã',
  ENTERPRISE: 'Doanh nghiệp',
  CENTRAL_AGENCY: 'Cơ quan Trung ương',
};
