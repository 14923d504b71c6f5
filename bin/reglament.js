#!/usr/bin/env node
// The published CLI runs the compiled code; `npm install` builds it (the `prepare` script).
import '../dist/cli/main.js';
