import { ConfigError, DEV_JWT_SECRET, loadPlatformConfig } from '../config';

describe('configuration', () => {
  it('defaults to embedded SQLite under ./data with development secrets', () => {
    const c = loadPlatformConfig('participants', 4001, {});
    expect(c.database).toEqual({ kind: 'sqlite', path: './data/participants.sqlite' });
    expect(c.auth.secret).toBe(DEV_JWT_SECRET);
    expect(c.port).toBe(4001);
    expect(c.loadPresets).toBe(true);
  });

  it('gives each service its own MySQL database unless the URL names one', () => {
    expect(loadPlatformConfig('participants', 1, { DATABASE_URL: 'mysql://root@db:3306' }).database).toMatchObject({ kind: 'mysql', name: 'thidua_participants' });
    expect(loadPlatformConfig('participants', 1, { DATABASE_URL: 'mysql://root@db:3306/x1' }).database).toMatchObject({ name: 'x1' });
  });

  it('limits a MySQL statement to 30 s unless DB_STATEMENT_TIMEOUT_MS says otherwise (0: no limit); refuses a negative one', () => {
    const url = { DATABASE_URL: 'mysql://root@db:3306' };
    expect(loadPlatformConfig('participants', 1, url).database).toMatchObject({ statementTimeoutMs: 30_000 });
    expect(loadPlatformConfig('participants', 1, { ...url, DB_STATEMENT_TIMEOUT_MS: '0' }).database).toMatchObject({ statementTimeoutMs: 0 });
    expect(() => loadPlatformConfig('participants', 1, { ...url, DB_STATEMENT_TIMEOUT_MS: '-5' })).toThrow(/DB_STATEMENT_TIMEOUT_MS/);
  });

  it('refuses to boot in production with development secrets or without a database, listing every problem', () => {
    try {
      loadPlatformConfig('participants', 1, { NODE_ENV: 'production', AUTH_JWT_SECRET: DEV_JWT_SECRET });
      throw new Error('should have failed');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems.join('\n');
      expect(problems).toMatch(/AUTH_JWT_SECRET/);
      expect(problems).toMatch(/GATEWAY_SECRET/);
      expect(problems).toMatch(/DATABASE_URL/);
    }
  });

  it('rejects malformed values at boot', () => {
    expect(() => loadPlatformConfig('x', 1, { DATABASE_URL: 'postgres://x' })).toThrow(ConfigError);
    expect(() => loadPlatformConfig('x', 1, { PORT: 'abc' })).toThrow(ConfigError);
  });
});
