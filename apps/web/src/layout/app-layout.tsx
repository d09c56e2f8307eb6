import { ClusterOutlined, GlobalOutlined, KeyOutlined, LoginOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Layout, Menu, Space, theme, type MenuProps } from 'antd';
import { Suspense, useMemo } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { roleLabels } from '../i18n/labels';
import type { AppRoute } from '../lib/routes';
import { useSession } from '../lib/session';
import { PageSpinner } from './page-spinner';

const { Header, Content, Footer } = Layout;

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
    // The report worker's queue dashboard is served by the gateway (ADMIN), outside the app.
    if (held.includes('ADMIN')) items.push({ key: '/queues', icon: <ClusterOutlined />, label: <a href="/queues">Việc nền</a> });
    return items;
  }, [routes, session?.account?.roles]);

  const selected = useMemo(() => {
    const keys = routes.filter((r) => r.menu).map((r) => r.path);
    const match = keys
      .filter((k) => (k === '/' ? location.pathname === '/' : location.pathname === k || location.pathname.startsWith(`${k}/`)))
      .sort((a, b) => b.length - a.length)[0];
    return match ? [match] : [];
  }, [routes, location.pathname]);

  const account = session?.account;
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
          <Dropdown
            menu={{
              items: userMenu,
              onClick: ({ key }) => {
                if (key === 'logout') void signOut().then(() => navigate('/'));
                if (key === 'password') navigate('/doi-mat-khau');
              },
            }}
          >
            <Space style={{ color: '#fff', cursor: 'pointer' }} data-testid="user-menu">
              <Avatar size="small" icon={<UserOutlined />} />
              <span>{account?.displayName ?? account?.roles.map((r) => roleLabels[r]).join(', ')}</span>
            </Space>
          </Dropdown>
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
