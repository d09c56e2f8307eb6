import { ClusterOutlined, HistoryOutlined, ImportOutlined, ScheduleOutlined, TeamOutlined, WarningOutlined } from '@ant-design/icons';
import { Menu } from 'antd';
import { Link, useLocation } from 'react-router';

// The administrator's pages under one entry of the top menu ("Quản trị"), like the lead agency's LeadNav.
const ITEMS = [
  { path: '/quan-tri/tai-khoan', label: 'Tài khoản', icon: <TeamOutlined /> },
  { path: '/quan-tri/nhat-ky', label: 'Nhật ký thay đổi', icon: <HistoryOutlined /> },
  { path: '/quan-tri/viec-loi', label: 'Việc nền lỗi', icon: <WarningOutlined /> },
  { path: '/quan-tri/lich-bao-cao', label: 'Lịch báo cáo', icon: <ScheduleOutlined /> },
  { path: '/quan-tri/nhap-danh-ba', label: 'Nhập danh bạ đơn vị', icon: <ImportOutlined /> },
];

/** The navigation between the administrator's pages, shown at the top of each of them; the queue dashboard is served by the gateway outside the app. */
export function AdminNav() {
  const { pathname } = useLocation();
  const selected = pathname === '/quan-tri' ? ITEMS[0] : ITEMS.find((i) => pathname === i.path || pathname.startsWith(`${i.path}/`));
  return (
    <nav aria-label="Quản trị hệ thống">
      <Menu
        mode="horizontal"
        selectedKeys={selected ? [selected.path] : []}
        items={[
          ...ITEMS.map((i) => ({ key: i.path, icon: i.icon, label: <Link to={i.path}>{i.label}</Link> })),
          { key: '/queues', icon: <ClusterOutlined />, label: <a href="/queues">Việc nền</a> },
        ]}
        style={{ background: 'transparent', marginTop: -12 }}
      />
    </nav>
  );
}

