// Jest transform for `import text from './x.graphql'`: the file's text as the default export (as esbuild's text loader does).
module.exports = {
  process(source) {
    return { code: `module.exports = { __esModule: true, default: ${JSON.stringify(source)} };` };
  },
};
