#!/usr/bin/env node
// Starts the CLI from the bundle the build writes (npm ci builds it through the `prepare` script):
// one file to read instead of ~150 modules, which is most of a one-draft run's start-up.
import { main, processIo } from '../dist/bundle/postlint.mjs';

process.exitCode = await main(process.argv.slice(2), processIo());
