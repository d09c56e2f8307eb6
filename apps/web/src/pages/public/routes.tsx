import { ApartmentOutlined, CommentOutlined, HomeOutlined, OrderedListOutlined, TrophyOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute } from '../../lib/routes';
import { HomePage } from './home-page';

const CampaignPage = lazy(() => import('./campaign-page').then((m) => ({ default: m.CampaignPage })));
const RankingsPage = lazy(() => import('./rankings-page').then((m) => ({ default: m.RankingsPage })));
const AwardeesPage = lazy(() => import('./awardees-page').then((m) => ({ default: m.AwardeesPage })));
const ConsultationPage = lazy(() => import('./consultation-page').then((m) => ({ default: m.ConsultationPage })));
const DirectoryPage = lazy(() => import('./directory-page').then((m) => ({ default: m.DirectoryPage })));
const UnitPage = lazy(() => import('./unit-page').then((m) => ({ default: m.UnitPage })));
// Only the home page is in the first download; every other page comes when it is opened.
const LoginPage = lazy(() => import('../account/login-page').then((m) => ({ default: m.LoginPage })));
const NotFoundPage = lazy(() => import('./not-found-page').then((m) => ({ default: m.NotFoundPage })));
const PasswordPage = lazy(() => import('../account/password-page').then((m) => ({ default: m.PasswordPage })));

/** Open data for everyone (no sign-in), and the sign-in pages. */
export const publicRoutes: AppRoute[] = [
  { path: '/', element: <HomePage />, menu: { label: 'Phong trào', icon: <HomeOutlined />, group: 'public', order: 1 } },
  { path: '/phong-trao/:code', element: <CampaignPage /> },
  { path: '/xep-hang', element: <RankingsPage />, menu: { label: 'Xếp hạng', icon: <OrderedListOutlined />, group: 'public', order: 2 } },
  { path: '/khen-thuong', element: <AwardeesPage />, menu: { label: 'Khen thưởng', icon: <TrophyOutlined />, group: 'public', order: 3 } },
  { path: '/lay-y-kien', element: <ConsultationPage />, menu: { label: 'Lấy ý kiến nhân dân', icon: <CommentOutlined />, group: 'public', order: 3.5 } },
  { path: '/don-vi', element: <DirectoryPage />, menu: { label: 'Danh bạ đơn vị', icon: <ApartmentOutlined />, group: 'public', order: 4 } },
  { path: '/don-vi/:code', element: <UnitPage /> },
  { path: '/dang-nhap', element: <LoginPage /> },
  { path: '/doi-mat-khau', element: <PasswordPage />, roles: ['ADMIN', 'LEAD_AGENCY', 'HOME_AFFAIRS', 'COUNCIL', 'UNIT_OFFICER', 'PROVINCE'] },
  { path: '*', element: <NotFoundPage /> },
];
