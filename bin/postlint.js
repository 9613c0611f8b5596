#!/usr/bin/env node
// Starts the CLI from the compiled output (npm ci builds it through the `prepare` script).
import { main, processIo } from '../dist/src/cli.js';

process.exitCode = await main(process.argv.slice(2), processIo());
