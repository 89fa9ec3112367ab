#!/usr/bin/env node
'use strict';
// The `recon` command: the TypeScript sources run through tsx's CommonJS hook, so no build step is needed.
require('tsx/cjs');
const { main } = require('../src/cli/main.ts');

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
