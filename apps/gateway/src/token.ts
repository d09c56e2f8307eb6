import { parseArgs } from 'node:util';
import { loadPlatformConfig, mintToken, ROLES, type Role } from '@thidua/platform';

/** `npm run token -- --role UNIT_OFFICER --unit <id>`: a development token signed with the embedded secret. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      unit: { type: 'string' },
      sub: { type: 'string' },
      ttl: { type: 'string' },
    },
  });
  const roles = (values.role ?? ['ADMIN']).flatMap((r) => r.split(',')).map((r) => r.trim().toUpperCase());
  const bad = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (bad.length) throw new Error(`Vai trò không hợp lệ: ${bad.join(', ')}. Các vai trò: ${ROLES.join(', ')}`);
  if (roles.includes('UNIT_OFFICER') && !values.unit) throw new Error('UNIT_OFFICER cần --unit <mã định danh đơn vị>');
  const config = loadPlatformConfig('gateway', 4000);
  const token = await mintToken(config.auth, {
    roles: roles as Role[],
    unitId: values.unit,
    subject: values.sub,
    ttlSeconds: values.ttl ? Number(values.ttl) : undefined,
  });
  process.stdout.write(`${token}\n`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
