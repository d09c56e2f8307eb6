// A journey boots the whole graph and drives Chromium on a 2-core machine: its hooks and tests get four minutes.
// (The root jest config's testTimeout applies to every project and cannot be raised per project.)
jest.setTimeout(240_000);
