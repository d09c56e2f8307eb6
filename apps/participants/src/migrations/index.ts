import { Initial1795385538799Mysql } from './mysql/1795385538799-initial';
import { VersionNameKey1795387168967Mysql } from './mysql/1795387168967-version-name-key';
import { DirectoryImports1795390123456Mysql } from './mysql/1795390123456-directory-imports';
import { Initial1795385538799Sqlite } from './sqlite/1795385538799-initial';
import { VersionNameKey1795387168967Sqlite } from './sqlite/1795387168967-version-name-key';
import { DirectoryImports1795390123456Sqlite } from './sqlite/1795390123456-directory-imports';
import { FileInspection1795500100001Mysql } from './mysql/1795500100001-file-inspection';
import { FileInspection1795500100001Sqlite } from './sqlite/1795500100001-file-inspection';
import { PersonDetails1795500300000Mysql } from './mysql/1795500300000-person-details';
import { PersonDetails1795500300000Sqlite } from './sqlite/1795500300000-person-details';
import { PersonRecordedBy1795500400000Mysql } from './mysql/1795500400000-person-recorded-by';
import { PersonRecordedBy1795500400000Sqlite } from './sqlite/1795500400000-person-recorded-by';
import { IdempotencyKeys1795600000000Mysql, IdempotencyKeys1795600000000Sqlite } from '@thidua/platform';

// Migrations are listed explicitly, one set per database kind, each reviewed by hand.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const mysqlMigrations: Function[] = [Initial1795385538799Mysql, VersionNameKey1795387168967Mysql, DirectoryImports1795390123456Mysql, FileInspection1795500100001Mysql, PersonDetails1795500300000Mysql, PersonRecordedBy1795500400000Mysql, IdempotencyKeys1795600000000Mysql];
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const sqliteMigrations: Function[] = [Initial1795385538799Sqlite, VersionNameKey1795387168967Sqlite, DirectoryImports1795390123456Sqlite, FileInspection1795500100001Sqlite, PersonDetails1795500300000Sqlite, PersonRecordedBy1795500400000Sqlite, IdempotencyKeys1795600000000Sqlite];
