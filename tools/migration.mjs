#!/usr/bin/env node
// Generate the next migration of an app for both database kinds from the difference between its
// entities and its existing migrations: `node tools/migration.mjs participants AddSomething`.
// Needs a MySQL/MariaDB server (MIGRATION_MYSQL_URL, default mysql://root@127.0.0.1:3306/).
// Review every generated file by hand before committing it. MariaDB reports a nullable column's NULL default as
// the string 'NULL', so its diff also lists spurious CHANGE statements for nullable columns: delete those.
import { execFileSync } from 'node:child_process';
import { bundle } from './esbuild.mjs';

const [app, name] = process.argv.slice(2);
if (!app || !/^[A-Z][A-Za-z0-9]+$/.test(name ?? '')) {
  console.error('usage: node tools/migration.mjs <app> <PascalCaseName>');
  process.exit(2);
}
await bundle(['tools/src/generate-migration.ts'], 'tmp/tools');
execFileSync(process.execPath, ['tmp/tools/generate-migration.js', app, name], { stdio: 'inherit' });
