import { Result } from 'antd';

export function Forbidden() {
  return <Result status="403" title="Không có quyền truy cập" subTitle="Tài khoản của bạn không được phép mở trang này." />;
}
