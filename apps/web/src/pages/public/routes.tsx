import { ApartmentOutlined, CommentOutlined, HomeOutlined, OrderedListOutlined, TrophyOutlined } from '@ant-design/icons';
import type { AppRoute } from '../../lib/routes';
import { HomePage } from './home-page';

// Only the home page is in the first download; every other page comes when it is opened. These are the pages a visitor
// opens by their address (a shared link, the sign-in page): the router loads each before showing it (`page`), and the
// gateway has the browser download it with the entry (landingPages in vite.config.ts).
/** Open data for everyone (no sign-in), and the sign-in pages. */
export const publicRoutes: AppRoute[] = [
  { path: '/', element: <HomePage />, menu: { label: 'Phong trào', icon: <HomeOutlined />, group: 'public', order: 1 } },
  { path: '/phong-trao/:code', page: () => import('./campaign-page').then((m) => m.CampaignPage) },
  {
    path: '/xep-hang',
    page: () => import('./rankings-page').then((m) => m.RankingsPage),
    loader: () => import('../../features/ranking/rankings-query').then((m) => m.rankingsLoader),
    menu: { label: 'Xếp hạng', icon: <OrderedListOutlined />, group: 'public', order: 2 },
  },
  { path: '/khen-thuong', page: () => import('./awardees-page').then((m) => m.AwardeesPage), menu: { label: 'Khen thưởng', icon: <TrophyOutlined />, group: 'public', order: 3 } },
  {
    path: '/lay-y-kien',
    page: () => import('./consultation-page').then((m) => m.ConsultationPage),
    menu: { label: 'Lấy ý kiến nhân dân', icon: <CommentOutlined />, group: 'public', order: 3.5 },
  },
  { path: '/don-vi', page: () => import('./directory-page').then((m) => m.DirectoryPage), menu: { label: 'Danh bạ đơn vị', icon: <ApartmentOutlined />, group: 'public', order: 4 } },
  { path: '/don-vi/:code', page: () => import('./unit-page').then((m) => m.UnitPage) },
  { path: '/dang-nhap', page: () => import('../account/login-page').then((m) => m.LoginPage) },
  {
    path: '/doi-mat-khau',
    page: () => import('../account/password-page').then((m) => m.PasswordPage),
    roles: ['ADMIN', 'LEAD_AGENCY', 'HOME_AFFAIRS', 'COUNCIL', 'UNIT_OFFICER', 'PROVINCE'],
  },
  { path: '*', page: () => import('./not-found-page').then((m) => m.NotFoundPage) },
];
