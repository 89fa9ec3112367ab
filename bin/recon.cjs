#!/usr/bin/env node
'use strict';
// The `recon` command. It runs the JavaScript that `npm install` compiled into build/cli (`npm run
// build:cli`), which starts within DESIGN.md's 0.3 s; when that is missing or older than a source file
// (sources edited since), it runs the TypeScript sources through tsx's CommonJS hook instead, which is
// always current but starts slower (tsx and esbuild load first). RECON_FROM_SOURCE=1 asks for the sources.
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const built = path.join(root, 'build', 'cli', 'cli', 'main.js');

/** The newest modification time of the .ts files under `dir`, in ms. */
function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** True when build/cli exists and was compiled after every source file the command uses was written. */
function builtIsCurrent() {
  try {
    const at = fs.statSync(built).mtimeMs;
    return ['cli', 'core', 'xlsx'].every((d) => newestSource(path.join(root, 'src', d)) <= at);
  } catch {
    return false;
  }
}

// `recon … | head` closes the pipe early: that is the reader's choice, not a failure to report.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e && e.code === 'EPIPE') process.exit(process.exitCode || 0);
    throw e;
  });
}

let cli;
if (process.env.RECON_FROM_SOURCE !== '1' && builtIsCurrent()) {
  cli = require(built);
} else {
  require('tsx/cjs');
  cli = require('../src/cli/main.ts');
}

cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
