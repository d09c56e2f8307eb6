import { Initial1795388686269Mysql } from './mysql/1795388686269-initial';
import { AssignedTasks1795389018472Mysql } from './mysql/1795389018472-assigned-tasks';
import { AssessmentPerCampaignYear1795389900000Mysql } from './mysql/1795389900000-assessment-per-campaign-year';
import { ScoreImports1795389950000Mysql } from './mysql/1795389950000-score-imports';
import { FrameworkYears1795389990000Mysql } from './mysql/1795389990000-framework-years';
import { Initial1795388686269Sqlite } from './sqlite/1795388686269-initial';
import { AssignedTasks1795389018472Sqlite } from './sqlite/1795389018472-assigned-tasks';
import { AssessmentPerCampaignYear1795389900000Sqlite } from './sqlite/1795389900000-assessment-per-campaign-year';
import { ScoreImports1795389950000Sqlite } from './sqlite/1795389950000-score-imports';
import { FrameworkYears1795389990000Sqlite } from './sqlite/1795389990000-framework-years';
import { IdempotencyKeys1795600000000Mysql, IdempotencyKeys1795600000000Sqlite } from '@thidua/platform';

// Migrations are listed explicitly, one set per database kind, each reviewed by hand.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const mysqlMigrations: Function[] = [Initial1795388686269Mysql, AssignedTasks1795389018472Mysql, AssessmentPerCampaignYear1795389900000Mysql, ScoreImports1795389950000Mysql, FrameworkYears1795389990000Mysql, IdempotencyKeys1795600000000Mysql];
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const sqliteMigrations: Function[] = [Initial1795388686269Sqlite, AssignedTasks1795389018472Sqlite, AssessmentPerCampaignYear1795389900000Sqlite, ScoreImports1795389950000Sqlite, FrameworkYears1795389990000Sqlite, IdempotencyKeys1795600000000Sqlite];
