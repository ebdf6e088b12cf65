// `npm run lint:firefox`: Mozilla's addons-linter over the Firefox build. Fails on any error and on any
// warning of ours. The one warning allowed is UNSAFE_VAR_ASSIGNMENT inside Preact's runtime, which
// assigns innerHTML only to support `dangerouslySetInnerHTML` (our lint forbids that prop everywhere).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

interface LinterMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

const dir = resolve(process.argv[2] ?? '.output/firefox-mv3');
const linter = resolve('node_modules/.bin/addons-linter');
let output: string;
try {
  output = execFileSync(linter, [dir, '--output', 'json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
} catch (error) {
  // addons-linter exits non-zero when it finds errors; its JSON report is still on stdout.
  output = (error as { stdout?: string }).stdout ?? '';
}
const report = JSON.parse(output) as { errors: LinterMessage[]; warnings: LinterMessage[]; notices: LinterMessage[] };

/** True when the flagged assignment is Preact's own `dangerouslySetInnerHTML` support. */
function isPreactInnerHtml(message: LinterMessage): boolean {
  if (message.code !== 'UNSAFE_VAR_ASSIGNMENT' || !message.file || !message.line) return false;
  const line = readFileSync(join(dir, message.file), 'utf8').split('\n')[message.line - 1] ?? '';
  const column = message.column ?? 0;
  const around = line.slice(Math.max(0, column - 400), column + 400);
  return around.includes('dangerouslySetInnerHTML') || around.includes('__html');
}

const problems = [...report.errors, ...report.warnings.filter((w) => !isPreactInnerHtml(w))];
const allowed = report.warnings.length - (problems.length - report.errors.length);
for (const p of problems) console.error(`addons-linter: ${p.code} ${p.file ?? ''}:${p.line ?? ''} ${p.message}`);
console.log(
  `addons-linter: ${report.errors.length} errors, ${report.warnings.length} warnings (${allowed} allowed: Preact's innerHTML support), ${report.notices.length} notices`,
);
process.exit(problems.length ? 1 : 0);
