import { loadGatewayConfig, startGateway } from '@thidua/gateway';
import { loadPlatformConfig } from '@thidua/platform';
import { errorCodes, gql, gqlOk, startStack, testDatabaseKinds, type TestStack } from '@thidua/testing';
import { createConnection, type Connection } from 'mysql2/promise';
import { startParticipants } from '../src';

// A statement the server cannot finish (its table locked by someone else) is stopped by the server after
// DB_STATEMENT_TIMEOUT_MS, rather than left waiting after the caller has gone. MariaDB only (SQLite runs in the process).
const onMysql = testDatabaseKinds().includes('mysql');

(onMysql ? describe : () => undefined)('a database statement past DB_STATEMENT_TIMEOUT_MS (MariaDB)', () => {
  let stack: TestStack;
  let admin: Connection;
  let database: string;
  let homeAffairs: string;

  beforeAll(async () => {
    stack = await startStack({
      db: 'mysql',
      subgraphs: { participants: startParticipants },
      gateway: (env) => startGateway(loadGatewayConfig(env)),
      env: { DB_STATEMENT_TIMEOUT_MS: '1000' },
    });
    const config = loadPlatformConfig('participants', 0, stack.subgraphEnvs.participants);
    if (config.database.kind !== 'mysql') throw new Error('expected MariaDB');
    database = config.database.name;
    const server = new URL(config.database.url);
    server.pathname = `/${database}`;
    admin = await createConnection({ uri: server.toString() });
    homeAffairs = await stack.token('HOME_AFFAIRS');
  });
  afterAll(async () => {
    await admin?.end();
    await stack?.close();
  });

  /** The statements of the subgraph's connections to its database still running (the test's own connection excluded). */
  const running = async (): Promise<string[]> => {
    const [rows] = await admin.query(
      "SELECT INFO AS info FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID() AND COMMAND = 'Query'",
      [database],
    );
    return (rows as Array<{ info: string | null }>).map((r) => r.info ?? '');
  };

  it('stops a read and a write that wait on a locked table, answers SERVICE_UNAVAILABLE, leaves nothing running and changes nothing', async () => {
    const { orgUnit } = await gqlOk<{ orgUnit: { id: string; name: string } }>(stack.url, '{ orgUnit(code: "DLK-SNV") { id name } }');
    await admin.query('LOCK TABLES org_unit WRITE');
    try {
      // Six reads at once take several of the pool's connections (the one the migrations ran on among them): each is
      // stopped by the database after 1 s, not by the gateway's deadline (10 s in test stacks: SUBGRAPH_TIMEOUT).
      const reads = await Promise.all(
        Array.from({ length: 6 }, () => gql<{ orgUnit: { id: string } | null }>(stack.url, '{ orgUnit(code: "DLK-SNV") { id name } }')),
      );
      for (const read of reads) {
        expect(errorCodes(read)).toEqual(['SERVICE_UNAVAILABLE']);
        expect(read.errors[0]?.message).toBe('Dịch vụ tạm thời không phản hồi, vui lòng thử lại sau.');
      }

      const write = await gql(
        stack.url,
        'mutation($id: ID!) { renameOrgUnit(id: $id, name: "Sở Nội vụ Đổi Tên Khi Khóa Bảng", effectiveDate: "2026-01-01") { id } }',
        { id: orgUnit.id },
        homeAffairs,
      );
      expect(errorCodes(write)).toEqual(['SERVICE_UNAVAILABLE']);
      expect(await running()).toEqual([]);
    } finally {
      await admin.query('UNLOCK TABLES');
    }
    const after = await gqlOk<{ orgUnit: { name: string } }>(stack.url, '{ orgUnit(code: "DLK-SNV") { name } }');
    expect(after.orgUnit.name).toBe(orgUnit.name);
  });
});
