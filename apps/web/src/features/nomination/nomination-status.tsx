import { Tag } from 'antd';
import type { NominationStatus } from '../../gql/enums';
import { nominationStatusLabels } from '../../i18n/labels';

const COLORS: Record<NominationStatus, string> = {
  DRAFT: 'default',
  SUBMITTED: 'processing',
  FORWARDED: 'processing',
  RETURNED: 'warning',
  APPRAISED: 'cyan',
  IN_COUNCIL: 'purple',
  RECOMMENDED: 'geekblue',
  DECIDED: 'success',
  REJECTED: 'error',
};

/** A nomination's state in words, coloured by where it stands (waiting, returned, decided, refused). */
export function NominationStatusTag({ status }: { status: NominationStatus }) {
  return <Tag color={COLORS[status]}>{nominationStatusLabels[status]}</Tag>;
}
