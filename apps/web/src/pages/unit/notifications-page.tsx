import { NotificationTable } from '../../features/notifications/notifications';
import { UnitPageHeader } from './unit-page-header';
import { WithMyUnit } from './use-my-unit';

/** /don-vi-cua-toi/thong-bao — the unit's reminders and overdue notices. */
export function NotificationsPage() {
  return (
    <WithMyUnit>
      {(unit) => (
        <>
          <UnitPageHeader title="Thông báo nhắc việc" unitName={unit.name} />
          <NotificationTable unitId={unit.id} unitName={unit.name} />
        </>
      )}
    </WithMyUnit>
  );
}
