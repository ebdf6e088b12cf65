// `npm run feed:keygen`: makes a new Ed25519 key pair for signing a feed. The private key (PKCS#8 PEM) goes
// to stdout, for a secret store (the publish workflow's SPECSCOUT_FEED_SIGNING_KEY); the FeedKey to list in
// core/feed-keys.ts (or in SPECSCOUT_FEED_KEYS for a fork's build) goes to stderr. Nothing is written to disk.
import { generateKeyPairSync } from 'node:crypto';
import { keyIdOf, rawPublicKeyBase64 } from './lib/feed-build';

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
process.stdout.write(privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
process.stderr.write(`feed:keygen: public key for core/feed-keys.ts or SPECSCOUT_FEED_KEYS:\n${JSON.stringify({ id: keyIdOf(publicKey), publicKey: rawPublicKeyBase64(publicKey) })}\n`);
