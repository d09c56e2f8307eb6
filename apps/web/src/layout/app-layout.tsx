import { GlobalOutlined, KeyOutlined, LoginOutlined, LogoutOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, theme, type MenuProps } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { roleLabels } from '../i18n/labels';
import type { AppRoute } from '../lib/routes';
import { useSession } from '../lib/session';
import { PageSpinner } from './page-spinner';

const { Header, Content, Footer } = Layout;
const UserMenu = lazy(() => import('./user-menu').then((m) => ({ default: m.UserMenu })));

/** The frame of every page: the menu (public pages, then the viewer's work), who is signed in, the footer. */
export function AppLayout({ routes }: { routes: AppRoute[] }) {
  const { session, signOut } = useSession();
  // Plain elements with the theme's colours where antd's Typography would bring its editor (and Form) to the first page.
  const { token } = theme.useToken();
  const location = useLocation();
  const navigate = useNavigate();

  const items = useMemo<MenuProps['items']>(() => {
    // The menu lists the pages of the roles the account holds; an administrator opens the others by their address.
    const held = session?.account?.roles ?? [];
    const visible = routes
      .filter((r) => r.menu && (!r.roles || r.roles.some((role) => held.includes(role))))
      .sort((a, b) => (a.menu?.order ?? 0) - (b.menu?.order ?? 0));
    const item = (r: AppRoute) => ({ key: r.path, icon: r.menu?.icon, label: <Link to={r.path}>{r.menu?.label}</Link> });
    // A visitor sees the open data side by side; a signed-in account, whose own pages come first, finds the open data
    // (rankings, awardees, the public consultation, the directory) under one entry, so that the bar keeps its work.
    const open = visible.filter((r) => r.menu?.group === 'public' && r.path !== '/');
    const items: NonNullable<MenuProps['items']> =
      held.length && open.length
        ? [
            ...visible.filter((r) => !open.includes(r)).map(item),
            { key: 'du-lieu-cong-khai', icon: <GlobalOutlined />, label: 'Dữ liệu công khai', children: open.map(item) },
          ]
        : visible.map(item);
    return items;
  }, [routes, session?.account?.roles]);

  const selected = useMemo(() => {
    // The entry whose page is open, else the one whose path or section is the longest prefix of the address; on a tie
    // the account's own work wins over the open data (Nội vụ's pages under /khen-thuong/… beside the public awardees).
    const held = session?.account?.roles ?? [];
    const under = (prefix: string) => (prefix === '/' ? location.pathname === '/' : location.pathname === prefix || location.pathname.startsWith(`${prefix}/`));
    let best: { key: string; score: number } | undefined;
    for (const r of routes) {
      if (!r.menu || (r.roles && !r.roles.some((role) => held.includes(role)))) continue;
      const own = r.menu.group !== 'public' ? 1 : 0;
      const score = location.pathname === r.path ? 1e6 : under(r.path) ? r.path.length * 2 + own : r.menu.section && under(r.menu.section) ? r.menu.section.length * 2 + own : -1;
      if (score >= 0 && (!best || score > best.score)) best = { key: r.path, score };
    }
    return best ? [best.key] : [];
  }, [routes, location.pathname, session?.account?.roles]);

  const account = session?.account;
  const name = account?.displayName ?? account?.roles.map((r) => roleLabels[r]).join(', ');
  const onUserMenu = (key: string) => {
    if (key === 'logout') void signOut().then(() => navigate('/'));
    if (key === 'password') navigate('/doi-mat-khau');
  };
  const userMenu: MenuProps['items'] = [
    ...(session?.mode === 'local' && account?.username ? [{ key: 'password', icon: <KeyOutlined />, label: 'Đổi mật khẩu' }] : []),
    { key: 'logout', icon: <LogoutOutlined />, label: 'Đăng xuất' },
  ];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header style={{ display: 'flex', alignItems: 'center', gap: 16, paddingInline: 24 }}>
        <Link to="/" style={{ color: '#fff', fontWeight: 600, fontSize: 16, whiteSpace: 'nowrap' }}>
          Thi đua chuyển đổi số
        </Link>
        <Menu theme="dark" mode="horizontal" selectedKeys={selected} items={items} style={{ flex: 1, minWidth: 0 }} />
        {session?.authenticated ? (
          // The account's menu (Dropdown, Avatar) is code only a signed-in user needs: it comes after the first page.
          <Suspense fallback={<span style={{ color: '#fff', whiteSpace: 'nowrap' }}>{name}</span>}>
            <UserMenu items={userMenu} name={name} onClick={onUserMenu} />
          </Suspense>
        ) : (
          <Button icon={<LoginOutlined />} onClick={() => navigate(`/dang-nhap?returnTo=${encodeURIComponent(location.pathname)}`)}>
            Đăng nhập
          </Button>
        )}
      </Header>
      <Content style={{ padding: '24px', maxWidth: 1400, width: '100%', margin: '0 auto' }}>
        <Suspense fallback={<PageSpinner />}>
          <Outlet />
        </Suspense>
      </Content>
      <Footer style={{ textAlign: 'center' }}>
        <span style={{ color: token.colorTextSecondary }}>
          Hệ thống quản lý phong trào thi đua chuyển đổi số — dữ liệu xếp hạng và khen thưởng được công khai theo kế hoạch của phong trào.
        </span>
      </Footer>
    </Layout>
  );
}
