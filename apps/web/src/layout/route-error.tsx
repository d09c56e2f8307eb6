import { ExclamationCircleOutlined } from '@ant-design/icons';
import { Button, theme } from 'antd';
import { useEffect } from 'react';
import { useRouteError } from 'react-router';

const RELOADED = 'thidua:reloaded-after-error';

/** A chunk that no longer exists after a new version was deployed: the page reloads once to get the new one. */
function isStaleChunk(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /dynamically imported module|Importing a module script failed|error loading dynamically imported|Failed to fetch/i.test(text);
}

/** What a page that failed to load or crashed shows instead of the router's own (English) error page. */
export function RouteError() {
  const error = useRouteError();
  const { token } = theme.useToken();
  const stale = isStaleChunk(error);
  useEffect(() => {
    if (stale && !sessionStorage.getItem(RELOADED)) {
      sessionStorage.setItem(RELOADED, '1');
      window.location.reload();
    }
  }, [stale]);
  // Plain elements, not antd's Result: this view is part of every first download and must show even when chunks fail.
  return (
    <div role="alert" style={{ textAlign: 'center', padding: '64px 16px' }}>
      <ExclamationCircleOutlined style={{ fontSize: 56, color: token.colorWarning }} />
      <h1 style={{ fontSize: token.fontSizeHeading3, margin: '24px 0 8px' }}>{stale ? 'Hệ thống vừa được cập nhật' : 'Trang này gặp sự cố'}</h1>
      <p style={{ color: token.colorTextSecondary }}>
        {stale
          ? 'Vui lòng tải lại trang để dùng phiên bản mới.'
          : 'Dữ liệu bạn đã lưu không bị ảnh hưởng. Vui lòng tải lại trang; nếu vẫn gặp sự cố, hãy báo quản trị viên.'}
      </p>
      <Button
        type="primary"
        onClick={() => {
          sessionStorage.removeItem(RELOADED);
          window.location.reload();
        }}
      >
        Tải lại trang
      </Button>
    </div>
  );
}
