import { Alert } from 'antd';
import { toUserErrors } from '../lib/errors';

/** The errors of a query as Vietnamese alerts (partial data still shows below them). */
export function QueryErrors({ error }: { error: unknown }) {
  const errors = toUserErrors(error);
  if (!errors.length) return null;
  const unique = [...new Set(errors.map((e) => e.message))];
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title={unique.length === 1 ? unique[0] : 'Một số dữ liệu chưa tải được'}
      description={unique.length > 1 ? unique.map((m) => <div key={m}>{m}</div>) : undefined}
    />
  );
}
