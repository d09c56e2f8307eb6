import { GraphQLError } from 'graphql';
import { AppError, formatClientError } from '../errors';
import { validate, vnText } from '../validation';
import { z } from 'zod';

describe('errors a client sees', () => {
  it('passes domain errors with their code and Vietnamese message', () => {
    const err = new GraphQLError('x', { originalError: new AppError('ORG_UNIT_NOT_FOUND', 'Không tìm thấy đơn vị.') });
    expect(formatClientError({ message: 'x' }, err)).toMatchObject({ message: 'Không tìm thấy đơn vị.', extensions: { code: 'ORG_UNIT_NOT_FOUND' } });
  });

  it('hides SQL, stacks and driver messages behind INTERNAL_SERVER_ERROR', () => {
    const err = new GraphQLError("ER_NO_SUCH_TABLE: Table 'x.campaign' doesn't exist", { originalError: new Error('SELECT * FROM campaign') });
    const out = formatClientError({ message: err.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } }, err);
    expect(out.message).toBe('Lỗi hệ thống. Vui lòng thử lại sau hoặc liên hệ quản trị viên.');
    expect(JSON.stringify(out)).not.toMatch(/SELECT|campaign|stacktrace/);
  });

  it('reports each invalid field in Vietnamese', () => {
    const schema = z.object({ name: vnText(10) });
    try {
      validate(schema, { name: 'x'.repeat(11) });
      throw new Error('should fail');
    } catch (e) {
      expect(e).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'name', message: 'Quá dài (tối đa 10 ký tự).' }] } });
    }
    expect(validate(schema, { name: ' Tân  An '.normalize('NFD') })).toEqual({ name: 'Tân An' });
  });
});

describe('GraphQL request errors in Vietnamese', () => {
  it.each([
    ['Value "FOO" does not exist in "OrgUnitKind" enum.', 'Giá trị "FOO" không thuộc danh sách OrgUnitKind.'],
    ['Field "OrgUnitInput.name" of required type "String!" was not provided.', 'Thiếu trường bắt buộc "OrgUnitInput.name" (kiểu String!).'],
    ['Cannot query field "ten" on type "OrgUnit". Did you mean "name"?', 'Không có trường "ten" trong kiểu OrgUnit.'],
    ['Variable "$id" of required type "ID!" was not provided.', 'Thiếu biến bắt buộc $id (kiểu ID!).'],
    ['Syntax Error: Expected Name, found <EOF>.\n\nGraphQL request:1:15', 'Lỗi cú pháp (Expected Name, found <EOF>.).'],
  ])('%s', (english, vietnamese) => {
    const out = formatClientError({ message: english, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, new GraphQLError(english));
    expect(out.message).toBe(`Truy vấn GraphQL ${english.startsWith('Syntax') ? 'sai cú pháp' : 'không hợp lệ'}. ${vietnamese}`);
  });

  it('answers a database or Redis outage with SERVICE_UNAVAILABLE (retryable), never an internal error', () => {
    const lost = Object.assign(new Error('Connection lost: The server closed the connection.'), { code: 'PROTOCOL_CONNECTION_LOST' });
    const queryFailed = Object.assign(new Error('select * from org_unit'), { driverError: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { code: 'ECONNREFUSED' }) });
    const redis = new Error('Connection is closed.');
    for (const err of [lost, queryFailed, redis]) {
      const out = formatClientError({ message: err.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, new GraphQLError(err.message, { originalError: err }));
      expect(out).toMatchObject({ message: 'Dịch vụ tạm thời không phản hồi, vui lòng thử lại sau.', extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true } });
    }
    // A defect stays a defect.
    const bug = new TypeError("Cannot read properties of undefined (reading 'id')");
    expect(formatClientError({ message: bug.message }, new GraphQLError(bug.message, { originalError: bug })).extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  });
});

