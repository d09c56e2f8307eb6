import { Initial1795390308078Mysql } from './mysql/1795390308078-initial';
import { Initial1795390308078Sqlite } from './sqlite/1795390308078-initial';
import { Nominations1795390476921Mysql } from './mysql/1795390476921-nominations';
import { Nominations1795390476921Sqlite } from './sqlite/1795390476921-nominations';
import { DossierDocuments1795390910927Mysql } from './mysql/1795390910927-dossier-documents';
import { DossierDocuments1795390910927Sqlite } from './sqlite/1795390910927-dossier-documents';
import { AwardWorkflow1795392520550Mysql } from './mysql/1795392520550-award-workflow';
import { AwardWorkflow1795392520550Sqlite } from './sqlite/1795392520550-award-workflow';
import { RewardFund1795500000000Mysql } from './mysql/1795500000000-reward-fund';
import { RewardFund1795500000000Sqlite } from './sqlite/1795500000000-reward-fund';
import { DossierReview1795500100000Mysql } from './mysql/1795500100000-dossier-review';
import { DossierReview1795500100000Sqlite } from './sqlite/1795500100000-dossier-review';
import { Consultation1795500200000Mysql } from './mysql/1795500200000-consultation';
import { Consultation1795500200000Sqlite } from './sqlite/1795500200000-consultation';
import { IdempotencyKeys1795600000000Mysql, IdempotencyKeys1795600000000Sqlite } from '@thidua/platform';

// Migrations are listed explicitly, one set per database kind, each reviewed by hand.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const mysqlMigrations: Function[] = [Initial1795390308078Mysql, Nominations1795390476921Mysql, DossierDocuments1795390910927Mysql, AwardWorkflow1795392520550Mysql, RewardFund1795500000000Mysql, DossierReview1795500100000Mysql, Consultation1795500200000Mysql, IdempotencyKeys1795600000000Mysql];
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const sqliteMigrations: Function[] = [Initial1795390308078Sqlite, Nominations1795390476921Sqlite, DossierDocuments1795390910927Sqlite, AwardWorkflow1795392520550Sqlite, RewardFund1795500000000Sqlite, DossierReview1795500100000Sqlite, Consultation1795500200000Sqlite, IdempotencyKeys1795600000000Sqlite];
