export * from './nd30';
export * from './workbook';
