import { AuditOutlined, CloudUploadOutlined, DashboardOutlined, FileTextOutlined, FlagOutlined, PartitionOutlined, ScheduleOutlined, TrophyOutlined } from '@ant-design/icons';
import { Menu } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';

// The lead agency's own pages under one entry of the top menu ("Điều hành"): the top bar also carries the public
// pages and would hide the rest behind "…" on a laptop screen.
const ITEMS = [
  { path: '/dieu-hanh', label: 'Tổng quan', icon: <DashboardOutlined /> },
  { path: '/dieu-hanh/phong-trao', label: 'Phong trào thi đua', icon: <FlagOutlined />, group: 'Phong trào' },
  { path: '/dieu-hanh/dang-ky', label: 'Đăng ký thi đua', icon: <FlagOutlined />, group: 'Phong trào' },
  { path: '/dieu-hanh/cum-thi-dua', label: 'Cụm, khối thi đua', icon: <FlagOutlined />, group: 'Phong trào' },
  { path: '/dieu-hanh/tham-dinh', label: 'Thẩm định', icon: <AuditOutlined /> },
  { path: '/dieu-hanh/nhap-diem', label: 'Nhập điểm hàng loạt', icon: <CloudUploadOutlined /> },
  { path: '/dieu-hanh/bo-chi-so', label: 'Bộ chỉ số', icon: <PartitionOutlined /> },
  { path: '/dieu-hanh/nhiem-vu', label: 'Nhiệm vụ', icon: <ScheduleOutlined /> },
  { path: '/dieu-hanh/bao-cao', label: 'Báo cáo', icon: <FileTextOutlined /> },
  { path: '/dieu-hanh/khen-thuong', label: 'Hồ sơ khen thưởng', icon: <TrophyOutlined /> },
];

// Items of a group («Phong trào»: campaigns, registrations, clusters) open under one entry, where the first of them was.
function menuItems() {
  const out: Array<{ key: string; icon: ReactNode; label: ReactNode; children?: Array<{ key: string; label: ReactNode }> }> = [];
  for (const i of ITEMS as Array<(typeof ITEMS)[number] & { group?: string }>) {
    if (!i.group) out.push({ key: i.path, icon: i.icon, label: <Link to={i.path}>{i.label}</Link> });
    else {
      let g = out.find((o) => o.key === `nhom-${i.group}`);
      if (!g) out.push((g = { key: `nhom-${i.group}`, icon: i.icon, label: i.group, children: [] }));
      g.children?.push({ key: i.path, label: <Link to={i.path}>{i.label}</Link> });
    }
  }
  return out;
}

/** The navigation between the lead agency's pages, shown at the top of each of them. */
export function LeadNav() {
  const { pathname } = useLocation();
  const selected = [...ITEMS].sort((a, b) => b.path.length - a.path.length).find((i) => pathname === i.path || pathname.startsWith(`${i.path}/`));
  return (
    <nav aria-label="Công việc của cơ quan thường trực">
      <Menu
        mode="horizontal"
        selectedKeys={selected ? [selected.path] : []}
        items={menuItems()}
        style={{ background: 'transparent', marginTop: -12 }}
      />
    </nav>
  );
}
