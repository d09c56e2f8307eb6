import { AuditOutlined, CloudUploadOutlined, DashboardOutlined, FileTextOutlined, PartitionOutlined, ScheduleOutlined } from '@ant-design/icons';
import { Menu } from 'antd';
import { Link, useLocation } from 'react-router';

// The lead agency's own pages under one entry of the top menu ("Điều hành"): the top bar also carries the public
// pages and would hide the rest behind "…" on a laptop screen.
const ITEMS = [
  { path: '/dieu-hanh', label: 'Tổng quan', icon: <DashboardOutlined /> },
  { path: '/dieu-hanh/tham-dinh', label: 'Thẩm định', icon: <AuditOutlined /> },
  { path: '/dieu-hanh/nhap-diem', label: 'Nhập điểm hàng loạt', icon: <CloudUploadOutlined /> },
  { path: '/dieu-hanh/bo-chi-so', label: 'Bộ chỉ số', icon: <PartitionOutlined /> },
  { path: '/dieu-hanh/nhiem-vu', label: 'Nhiệm vụ', icon: <ScheduleOutlined /> },
  { path: '/dieu-hanh/bao-cao', label: 'Báo cáo', icon: <FileTextOutlined /> },
];

/** The navigation between the lead agency's pages, shown at the top of each of them. */
export function LeadNav() {
  const { pathname } = useLocation();
  const selected = [...ITEMS].sort((a, b) => b.path.length - a.path.length).find((i) => pathname === i.path || pathname.startsWith(`${i.path}/`));
  return (
    <nav aria-label="Công việc của cơ quan thường trực">
      <Menu
        mode="horizontal"
        selectedKeys={selected ? [selected.path] : []}
        items={ITEMS.map((i) => ({ key: i.path, icon: i.icon, label: <Link to={i.path}>{i.label}</Link> }))}
        style={{ background: 'transparent', marginTop: -12 }}
      />
    </nav>
  );
}
