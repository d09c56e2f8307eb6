import { Initial1795393424650Mysql } from './mysql/1795393424650-initial';
import { Initial1795393424650Sqlite } from './sqlite/1795393424650-initial';
import { ReportRuns1795394414289Mysql } from './mysql/1795394414289-report-runs';
import { ReportRuns1795394414289Sqlite } from './sqlite/1795394414289-report-runs';
import { Deliveries1795394977185Mysql } from './mysql/1795394977185-deliveries';
import { Deliveries1795394977185Sqlite } from './sqlite/1795394977185-deliveries';
import { Reminders1795395843407Mysql } from './mysql/1795395843407-reminders';
import { Reminders1795395843407Sqlite } from './sqlite/1795395843407-reminders';
import { ScheduleAndDigestClaims1795397003871Mysql } from './mysql/1795397003871-schedule-and-digest-claims';
import { ScheduleAndDigestClaims1795397003871Sqlite } from './sqlite/1795397003871-schedule-and-digest-claims';
import { RunBoundary1795398000000Mysql } from './mysql/1795398000000-run-boundary';
import { RunBoundary1795398000000Sqlite } from './sqlite/1795398000000-run-boundary';
import { ReceivedReports1795600100000Mysql } from './mysql/1795600100000-received-reports';
import { ReceivedReports1795600100000Sqlite } from './sqlite/1795600100000-received-reports';
import { IdempotencyKeys1795600000000Mysql, IdempotencyKeys1795600000000Sqlite } from '@thidua/platform';

// Migrations are listed explicitly, one set per database kind, each reviewed by hand.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const mysqlMigrations: Function[] = [Initial1795393424650Mysql, ReportRuns1795394414289Mysql, Deliveries1795394977185Mysql, Reminders1795395843407Mysql, ScheduleAndDigestClaims1795397003871Mysql, RunBoundary1795398000000Mysql, IdempotencyKeys1795600000000Mysql, ReceivedReports1795600100000Mysql];
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const sqliteMigrations: Function[] = [Initial1795393424650Sqlite, ReportRuns1795394414289Sqlite, Deliveries1795394977185Sqlite, Reminders1795395843407Sqlite, ScheduleAndDigestClaims1795397003871Sqlite, RunBoundary1795398000000Sqlite, IdempotencyKeys1795600000000Sqlite, ReceivedReports1795600100000Sqlite];
