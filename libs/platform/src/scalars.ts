import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw badInput('Ngày phải có dạng YYYY-MM-DD.');
  }
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) throw badInput(`Ngày ${value} không tồn tại.`);
  return value;
}

/** Calendar date, YYYY-MM-DD, validated (2023-02-30 is refused). */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  serialize: (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v)),
  parseValue: parseDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw badInput('Ngày phải là chuỗi dạng YYYY-MM-DD.');
    return parseDate(ast.value);
  },
});

/** Instant in ISO 8601 (UTC). */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  serialize: (v) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString()),
  parseValue: (v) => {
    const d = new Date(String(v));
    if (Number.isNaN(d.getTime())) throw badInput('Thời điểm không hợp lệ (ISO 8601).');
    return d;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw badInput('Thời điểm phải là chuỗi ISO 8601.');
    const d = new Date(ast.value);
    if (Number.isNaN(d.getTime())) throw badInput('Thời điểm không hợp lệ (ISO 8601).');
    return d;
  },
});
