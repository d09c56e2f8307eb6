import { loadPlatformConfig } from '@thidua/platform';
import { seedScoring } from './preset/seed';

/** `npm run seed`: migrate the scoring database and load its presets (idempotent). */
seedScoring(loadPlatformConfig('scoring', 4002)).then(
  (created) => console.log(created.length ? `scoring: đã nạp dữ liệu mẫu: ${created.join(', ')}` : 'scoring: dữ liệu mẫu đã có sẵn, không nạp lại.'),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
