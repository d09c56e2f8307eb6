import { Button, Result } from 'antd';
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
  const stale = isStaleChunk(error);
  useEffect(() => {
    if (stale && !sessionStorage.getItem(RELOADED)) {
      sessionStorage.setItem(RELOADED, '1');
      window.location.reload();
    }
  }, [stale]);
  return (
    <Result
      status="warning"
      title={stale ? 'Hệ thống vừa được cập nhật' : 'Trang này gặp sự cố'}
      subTitle={
        stale
          ? 'Vui lòng tải lại trang để dùng phiên bản mới.'
          : 'Dữ liệu bạn đã lưu không bị ảnh hưởng. Vui lòng tải lại trang; nếu vẫn gặp sự cố, hãy báo quản trị viên.'
      }
      extra={
        <Button
          type="primary"
          onClick={() => {
            sessionStorage.removeItem(RELOADED);
            window.location.reload();
          }}
        >
          Tải lại trang
        </Button>
      }
    />
  );
}
