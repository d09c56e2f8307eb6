// First: traces (when configured) must instrument the libraries before anything loads them.
import '@thidua/platform/start-tracing';
import { startReportWorker } from '@thidua/reporting';
import { loadPlatformConfig, runService } from '@thidua/platform';

// Reporting's background process: its own port (REPORT_WORKER_PORT, 4005), reporting's database.
runService(() => startReportWorker(loadPlatformConfig('report-worker', 4005, process.env, { databaseOf: 'reporting' })));
