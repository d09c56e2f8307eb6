import { z } from 'zod';

/** The secrets that only a development machine may use; production refuses to boot with them. */
export const DEV_JWT_SECRET = 'thidua-dev-secret-khong-dung-cho-san-xuat-0123456789';
export const DEV_GATEWAY_SECRET = 'thidua-dev-gateway-secret-0123456789abcdef';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Settings every service reads. Environment variable names are the keys. */
export const platformEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^(mysql|mariadb):\/\//, 'DATABASE_URL phải có dạng mysql://user:pass@host:port/')
    .optional(),
  /**
   * MySQL/MariaDB: the longest one SQL statement may run before the server stops it (0: no limit). As long as the
   * gateway's longest deadline (a mutation's, 30 s): past it nobody waits for the answer. Migrations are not limited.
   */
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  AUTH_JWT_SECRET: z.string().min(32).optional(),
  AUTH_JWKS_URL: z.url().optional(),
  AUTH_ISSUER: z.string().min(1).default('thidua-dev'),
  AUTH_AUDIENCE: z.string().min(1).default('thidua'),
  AUTH_ROLES_CLAIM: z.string().min(1).default('roles'),
  AUTH_UNIT_CLAIM: z.string().min(1).default('unit'),
  GATEWAY_SECRET: z.string().min(32).optional(),
  FILE_MAX_BYTES: z.coerce.number().int().positive().default(20 * 1024 * 1024),
  /** Largest .xlsx or .zip upload: the lead agency's bulk imports (10,000 units × 50 indicators, or the units' own sheets zipped). */
  IMPORT_FILE_MAX_BYTES: z.coerce.number().int().positive().default(128 * 1024 * 1024),
  REQUEST_MAX_BYTES: z.coerce.number().int().positive().default(1024 * 1024),
  LOAD_PRESETS: bool.optional(),
  GATEWAY_URL: z.url().default('http://127.0.0.1:4000/graphql'),
  SERVICE_TOKEN: z.string().min(20).optional(),
});

export type PlatformEnv = z.infer<typeof platformEnvSchema>;

/** The validated, typed configuration of one service. */
export interface PlatformConfig {
  service: string;
  env: PlatformEnv['NODE_ENV'];
  production: boolean;
  host: string;
  port: number;
  logLevel: PlatformEnv['LOG_LEVEL'];
  dataDir: string;
  database: { kind: 'mysql'; url: string; name: string; statementTimeoutMs: number } | { kind: 'sqlite'; path: string };
  auth: {
    secret?: string;
    jwksUrl?: string;
    issuer: string;
    audience: string;
    rolesClaim: string;
    unitClaim: string;
  };
  gatewaySecret: string;
  fileMaxBytes: number;
  /** Largest upload of a workbook (.xlsx) or a .zip: the bulk imports' files; never below fileMaxBytes. */
  importFileMaxBytes: number;
  requestMaxBytes: number;
  loadPresets: boolean;
  /** The gateway, for calls to the graph with a service token. */
  gatewayUrl: string;
  serviceToken?: string;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Cấu hình không hợp lệ:\n - ${problems.join('\n - ')}`);
    this.name = 'ConfigError';
  }
}

/** Parse an env object with a zod schema, throwing one ConfigError that lists every problem. */
export function parseEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`));
  }
  return parsed.data;
}

/** Database name of a service: thidua_<service> unless the URL names one. */
function databaseFor(service: string, url: string): { url: string; name: string } {
  const u = new URL(url.replace(/^mariadb:/, 'mysql:'));
  const path = u.pathname.replace(/^\//, '');
  const name = path || `thidua_${service.replace(/-/g, '_')}`;
  if (!/^[A-Za-z0-9_]{1,64}$/.test(name)) throw new ConfigError([`DATABASE_URL: tên cơ sở dữ liệu "${name}" không hợp lệ`]);
  u.pathname = `/${name}`;
  return { url: u.toString(), name };
}

/** Validate the environment once at boot into one typed object. */
export function loadPlatformConfig(
  service: string,
  defaultPort: number,
  env: NodeJS.ProcessEnv = process.env,
  options: { database?: boolean; /** Use another service's database (the report worker uses reporting's). */ databaseOf?: string } = {},
): PlatformConfig {
  const needsDatabase = options.database ?? true;
  const e = parseEnv(platformEnvSchema, env);
  const production = e.NODE_ENV === 'production';
  const portRaw = env[`${service.toUpperCase().replace(/-/g, '_')}_PORT`] ?? env.PORT;
  const port = portRaw === undefined ? defaultPort : Number(portRaw);
  const problems: string[] = [];
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT: "${portRaw}" không phải cổng hợp lệ`);
  if (production) {
    if (!e.AUTH_JWKS_URL && !e.AUTH_JWT_SECRET) problems.push('AUTH_JWKS_URL hoặc AUTH_JWT_SECRET là bắt buộc khi NODE_ENV=production');
    if (e.AUTH_JWT_SECRET === DEV_JWT_SECRET) problems.push('AUTH_JWT_SECRET: không được dùng khóa phát triển khi NODE_ENV=production');
    if (!e.GATEWAY_SECRET || e.GATEWAY_SECRET === DEV_GATEWAY_SECRET) problems.push('GATEWAY_SECRET: bắt buộc (≥ 32 ký tự, khác khóa phát triển) khi NODE_ENV=production');
    if (needsDatabase && !e.DATABASE_URL) problems.push('DATABASE_URL là bắt buộc khi NODE_ENV=production');
  }
  if (problems.length) throw new ConfigError(problems);
  const database: PlatformConfig['database'] = e.DATABASE_URL
    ? { kind: 'mysql', ...databaseFor(options.databaseOf ?? service, e.DATABASE_URL), statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS }
    : { kind: 'sqlite', path: `${e.DATA_DIR}/${options.databaseOf ?? service}.sqlite` };
  return {
    service,
    env: e.NODE_ENV,
    production,
    host: e.HOST,
    port,
    logLevel: e.LOG_LEVEL,
    dataDir: e.DATA_DIR,
    database,
    auth: {
      secret: e.AUTH_JWT_SECRET ?? (e.AUTH_JWKS_URL ? undefined : DEV_JWT_SECRET),
      jwksUrl: e.AUTH_JWKS_URL,
      issuer: e.AUTH_ISSUER,
      audience: e.AUTH_AUDIENCE,
      rolesClaim: e.AUTH_ROLES_CLAIM,
      unitClaim: e.AUTH_UNIT_CLAIM,
    },
    gatewaySecret: e.GATEWAY_SECRET ?? DEV_GATEWAY_SECRET,
    fileMaxBytes: e.FILE_MAX_BYTES,
    importFileMaxBytes: Math.max(e.FILE_MAX_BYTES, e.IMPORT_FILE_MAX_BYTES),
    requestMaxBytes: e.REQUEST_MAX_BYTES,
    loadPresets: e.LOAD_PRESETS ?? !production,
    gatewayUrl: e.GATEWAY_URL,
    serviceToken: e.SERVICE_TOKEN,
  };
}
