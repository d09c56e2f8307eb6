import { nameKey } from '@thidua/platform';
import type { QueryRunner } from 'typeorm';

/** Fill org_unit_version.name_key from name with the application's own key (NFC, case-folded). */
export async function backfillVersionNameKeys(queryRunner: QueryRunner, quote: (id: string) => string): Promise<void> {
  const rows = (await queryRunner.query(`SELECT ${quote('id')}, ${quote('name')} FROM ${quote('org_unit_version')}`)) as Array<{ id: string; name: string }>;
  for (const row of rows) {
    await queryRunner.query(`UPDATE ${quote('org_unit_version')} SET ${quote('name_key')} = ? WHERE ${quote('id')} = ?`, [nameKey(row.name), row.id]);
  }
}
