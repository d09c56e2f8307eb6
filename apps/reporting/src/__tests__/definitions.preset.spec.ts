import { CITY_SUMMARY_OPERATION, SUPERSEDED_OPERATIONS, upgradedOperation } from '../preset/definitions.preset';

describe('preset operations stored by earlier versions', () => {
  it('brings the unpaged city summary (400 units) up to the paged one, whatever its whitespace', () => {
    const was = SUPERSEDED_OPERATIONS[0]?.was ?? '';
    expect(was).toContain('rankings(year: $year, first: 400)');
    expect(upgradedOperation(was)).toBe(CITY_SUMMARY_OPERATION);
    expect(upgradedOperation(was.replace(/\n/g, '\n    '))).toBe(CITY_SUMMARY_OPERATION);
    expect(CITY_SUMMARY_OPERATION).toContain('rankings(year: $year, boundary: $boundary, asOf: $asOf, first: 1000, after: $after) { boundary asOf totalCount hasNextPage endCursor');
  });

  it('leaves a current or an edited operation alone', () => {
    expect(upgradedOperation(CITY_SUMMARY_OPERATION)).toBeNull();
    expect(upgradedOperation((SUPERSEDED_OPERATIONS[0]?.was ?? '').replace('first: 400', 'first: 100'))).toBeNull();
  });
});
