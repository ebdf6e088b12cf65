// `npm run feed:build -- --out DIR [--previous DIR] [--validity-days N]`: builds the index from data/ and
// writes a signed feed directory (docs/feed.md). The signing key (Ed25519, PKCS#8 PEM) comes from the
// SPECSCOUT_FEED_SIGNING_KEY environment variable, never from a file in the repository. `--previous` is the
// directory published before (the publish workflow checks out the gh-pages branch there): its snapshot
// files are the earlier versions deltas are made from; the newest MAX_DELTAS of them are carried forward
// into DIR so the next build can do the same. Logs go to stderr.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { assembleIndex, BuildError } from './lib/build';
import { buildFeed, FeedBuildError, MAX_DELTAS, readSnapshotFile, signingKeyFromPem, snapshotName } from './lib/feed-build';
import type { DeviceIndex } from '../core/schema';

function argValue(args: string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i === -1 ? undefined : args[i + 1];
}

const SNAPSHOT_FILE = /^snapshot-(\d+)\.json\.gz$/;

async function readPrevious(dir: string, log: (line: string) => void): Promise<{ index: DeviceIndex; bytes: Uint8Array }[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    log(`--previous: ${dir} does not exist; publishing without deltas`);
    return [];
  }
  const out: { index: DeviceIndex; bytes: Uint8Array }[] = [];
  for (const name of names.filter((n) => SNAPSHOT_FILE.test(n))) {
    const bytes = await readFile(path.join(dir, name));
    out.push({ index: readSnapshotFile(bytes), bytes });
  }
  return out.sort((a, b) => b.index.version - a.index.version);
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const log = (line: string): void => void process.stderr.write(`feed:build: ${line}\n`);
  const out = argValue(args, '--out');
  if (!out) {
    log('usage: npm run feed:build -- --out DIR [--previous DIR] [--validity-days N]');
    return 2;
  }
  const pem = process.env.SPECSCOUT_FEED_SIGNING_KEY;
  if (!pem) {
    log('SPECSCOUT_FEED_SIGNING_KEY is not set (the Ed25519 private key, PKCS#8 PEM)');
    return 2;
  }
  const previousDir = argValue(args, '--previous');
  const validityDays = argValue(args, '--validity-days');
  try {
    const { index } = await assembleIndex({ log });
    const previous = previousDir ? await readPrevious(path.resolve(previousDir), log) : [];
    const feed = buildFeed({
      index,
      previous: previous.map((p) => p.index),
      now: new Date(),
      signingKey: signingKeyFromPem(pem),
      ...(validityDays ? { validityDays: Number(validityDays) } : {}),
    });
    const dir = path.resolve(out);
    await mkdir(dir, { recursive: true });
    // Files of an earlier build in DIR that this one does not write would be served as if current.
    for (const name of await readdir(dir)) if (/\.(json|gz|sig)$/.test(name)) await rm(path.join(dir, name));
    for (const [name, bytes] of feed.files) await writeFile(path.join(dir, name), bytes);
    // The earlier snapshots the next build makes its deltas from (the current one is written above).
    for (const p of previous.filter((p) => p.index.version < index.version).slice(0, MAX_DELTAS)) {
      await writeFile(path.join(dir, snapshotName(p.index.version)), p.bytes);
    }
    const m = feed.manifest;
    const snapshot = m.files.find((f) => f.kind === 'snapshot')!;
    log(`version ${m.dataVersion}, key ${m.keyId}, expires ${m.expires}`);
    log(`snapshot ${snapshot.path}: ${snapshot.size} bytes gzip (${snapshot.unpackedSize} unpacked)`);
    log(`deltas from ${feed.deltasFrom.length ? feed.deltasFrom.join(', ') : 'no earlier version'}`);
    for (const s of feed.skipped) log(`no delta from ${s}`);
    return 0;
  } catch (error) {
    if (error instanceof BuildError) {
      log(`the index does not build, ${error.problems.length} problem(s):`);
      for (const p of error.problems) process.stderr.write(`  ${p}\n`);
      return 1;
    }
    if (error instanceof FeedBuildError) {
      log(`refused: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

void main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`feed:build: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
