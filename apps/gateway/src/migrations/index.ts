import { Accounts1795982402216Mysql } from './mysql/1795982402216-accounts';
import { Accounts1795982402216Sqlite } from './sqlite/1795982402216-accounts';

// Migrations are listed explicitly, one set per database kind, each reviewed by hand.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const mysqlMigrations: Function[] = [Accounts1795982402216Mysql];
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const sqliteMigrations: Function[] = [Accounts1795982402216Sqlite];
