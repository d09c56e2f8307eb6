import { loadPlatformConfig } from '@thidua/platform';
import { seedAwards } from './preset/seed';

/** `npm run seed`: migrate the awards database and load its presets (idempotent). */
seedAwards(loadPlatformConfig('awards', 4003)).then(
  (created) => console.log(created.length ? `awards: đã nạp dữ liệu mẫu: ${created.join(', ')}` : 'awards: dữ liệu mẫu đã có sẵn, không nạp lại.'),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
