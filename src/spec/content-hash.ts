import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from './canonical-json';

// Pure JS (no node:crypto) so the browser bundle computes the same keys as the prebuild.
export function contentHash(value: unknown, length = 32): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(value)))).slice(0, length);
}
