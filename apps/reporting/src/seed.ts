import { loadPlatformConfig } from '@thidua/platform';
import { seedReporting } from './preset/seed';

/** `npm run seed`: migrate the reporting database and load its presets (idempotent). */
seedReporting(loadPlatformConfig('reporting', 4004)).then(
  (created) => console.log(created.length ? `reporting: đã nạp dữ liệu mẫu: ${created.join(', ')}` : 'reporting: dữ liệu mẫu đã có sẵn, không nạp lại.'),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
