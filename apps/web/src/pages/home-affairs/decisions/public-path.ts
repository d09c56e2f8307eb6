/** Where the public list of awardees is (pages/public/routes.tsx): a recorded decision's awardees are published there. */
export const PUBLIC_AWARDEES_PATH = '/khen-thuong';
