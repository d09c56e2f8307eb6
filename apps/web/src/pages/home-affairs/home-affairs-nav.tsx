import { AuditOutlined, BankOutlined, FileDoneOutlined, MessageOutlined, NumberOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import { Menu } from 'antd';
import { Link, useLocation } from 'react-router';

// Nội vụ's awards work under one entry of the top menu ("Khen thưởng"), in the order a dossier goes through it.
const ITEMS = [
  // /khen-thuong itself is the public list of awardees (pages/public): Nội vụ's dossiers are under /khen-thuong/de-nghi.
  { path: '/khen-thuong/de-nghi', label: 'Hồ sơ đề nghị', icon: <AuditOutlined /> },
  { path: '/khen-thuong/lay-y-kien', label: 'Lấy ý kiến', icon: <MessageOutlined /> },
  { path: '/khen-thuong/hoi-dong', label: 'Hội đồng', icon: <TeamOutlined /> },
  { path: '/khen-thuong/quyet-dinh', label: 'Quyết định', icon: <FileDoneOutlined /> },
  { path: '/khen-thuong/quy-va-muc-thuong', label: 'Quỹ và mức thưởng', icon: <BankOutlined /> },
  { path: '/khen-thuong/chi-tieu', label: 'Chỉ tiêu', icon: <NumberOutlined /> },
  { path: '/khen-thuong/thiet-lap', label: 'Thiết lập', icon: <SettingOutlined /> },
];

/** The navigation between Nội vụ's awards pages, shown at the top of each of them. */
export function HomeAffairsNav() {
  const { pathname } = useLocation();
  const selected = [...ITEMS].sort((a, b) => b.path.length - a.path.length).find((i) => pathname === i.path || pathname.startsWith(`${i.path}/`));
  return (
    <nav aria-label="Công việc thi đua, khen thưởng của Nội vụ">
      <Menu
        mode="horizontal"
        selectedKeys={selected ? [selected.path] : []}
        items={ITEMS.map((i) => ({ key: i.path, icon: i.icon, label: <Link to={i.path}>{i.label}</Link> }))}
        style={{ background: 'transparent', marginTop: -12 }}
      />
    </nav>
  );
}
