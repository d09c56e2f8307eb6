import { loadPlatformConfig } from '@thidua/platform';
import { seedParticipants } from './preset/seed';

/** `npm run seed` (first step): migrate the participants database and load both seed plans (idempotent). */
seedParticipants(loadPlatformConfig('participants', 4001)).then(
  (created) => console.log(created.length ? `participants: đã nạp dữ liệu mẫu: ${created.join(', ')}` : 'participants: dữ liệu mẫu đã có sẵn, không nạp lại.'),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
