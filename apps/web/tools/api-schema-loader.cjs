// Codegen schema loader: the API schema a client sees (what the gateway serves), computed from the supergraph.
const { readFileSync } = require('node:fs');
const { resolve } = require('node:path');
const { Supergraph } = require('@apollo/federation-internals');

module.exports = function loadApiSchema(pointer) {
  const sdl = readFileSync(resolve(__dirname, '..', pointer), 'utf8');
  return Supergraph.build(sdl).apiSchema().toGraphQLJSSchema();
};
