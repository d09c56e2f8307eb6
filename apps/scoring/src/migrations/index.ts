import { Initial1795388686269Mysql } from './mysql/1795388686269-initial';
import { Initial1795388686269Sqlite } from './sqlite/1795388686269-initial';

// Migrations are listed explicitly, one set per database kind, each reviewed by hand.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const mysqlMigrations: Function[] = [Initial1795388686269Mysql];
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const sqliteMigrations: Function[] = [Initial1795388686269Sqlite];
