import { Initial1795385538799Mysql } from './mysql/1795385538799-initial';
import { Initial1795385538799Sqlite } from './sqlite/1795385538799-initial';

// Migrations are listed explicitly, one set per database kind, each reviewed by hand.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const mysqlMigrations: Function[] = [Initial1795385538799Mysql];
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const sqliteMigrations: Function[] = [Initial1795385538799Sqlite];
