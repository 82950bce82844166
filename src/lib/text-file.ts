import { isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { positionAt, START, type Position } from './position.ts';

/**
 * Reading a source file as text the way every part of the project must agree on: UTF-8, lines ending
 * in LF (or CRLF). What else a file may hold is found here, once, so that the check can report it
 * instead of reading something other than what the build reads:
 *
 * - bytes that are not UTF-8: Node would turn each into U+FFFD without a word (and `--fix` would
 *   write that back), while the build fails on them;
 * - a carriage return alone ending a line (classic Mac OS): the Markdown parsers see a line break
 *   there, other tools of the build do not.
 */

export type TextFault =
  | { kind: 'not-utf8'; position: Position; byte: number }
  /** `everyLine`: every line break of the file is a CR alone; otherwise `position` is the first one. */
  | { kind: 'lone-cr'; position: Position; everyLine: boolean };

export interface DecodedText {
  /** The text, with undecodable bytes as U+FFFD and lone carriage returns as line feeds, so positions are those an editor shows. */
  text: string;
  fault?: TextFault;
}

/** Decodes a file's bytes; a fault says what is not UTF-8 text with LF or CRLF line endings, and where. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = buffer.toString('utf8');
  if (!isUtf8(buffer)) {
    const offset = firstInvalidByte(buffer);
    const before = buffer.subarray(0, offset).toString('utf8');
    return { text: withoutLoneCr(text), fault: { kind: 'not-utf8', position: positionAt(`${withoutLoneCr(before)}.`, before.length), byte: buffer[offset] ?? 0 } };
  }
  const lone = firstLoneCr(text);
  if (lone === -1) return { text };
  const normalised = withoutLoneCr(text);
  const everyLine = !text.includes('\n');
  return { text: normalised, fault: { kind: 'lone-cr', position: everyLine ? START : positionAt(normalised, lone), everyLine } };
}

export type TextRead = { ok: true; text: string; fault?: TextFault } | { ok: false; reason: 'missing' | 'not-a-file' | 'unreadable'; message: string };

/** Reads a text file; a file that is gone, a folder, or not readable is an answer, never an exception. */
export function readTextFile(path: string): TextRead {
  let bytes: Buffer | undefined;
  try {
    // Opened without waiting (a named pipe would otherwise wait for a writer forever), then asked what
    // it is: only regular files are read. Asking the open file rather than the path saves looking the
    // path up twice, which a check of thousands of pages notices.
    const fd = openSync(path, constants.O_RDONLY | OPEN_WITHOUT_WAITING);
    try {
      if (fstatSync(fd).isFile()) bytes = readFileSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, reason: 'missing', message: 'the file does not exist' };
    if (code === 'EISDIR') return { ok: false, reason: 'not-a-file', message: 'it is a folder, not a file' };
    // A socket cannot be opened at all.
    if (code !== 'ENXIO') return { ok: false, reason: 'unreadable', message: `it cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})` };
  }
  if (bytes === undefined) return { ok: false, reason: 'not-a-file', message: 'it is not a file (a folder, a pipe or a device)' };
  return { ok: true, ...decodeText(bytes) };
}

/** O_NONBLOCK where the system has it (not on Windows, where opening a pipe does not wait either). */
const OPEN_WITHOUT_WAITING = constants.O_NONBLOCK ?? 0;

const withoutLoneCr = (text: string): string => (text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text);

function firstLoneCr(text: string): number {
  for (let at = text.indexOf('\r'); at !== -1; at = text.indexOf('\r', at + 1)) {
    if (text[at + 1] !== '\n') return at;
  }
  return -1;
}

/** The offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
export function firstInvalidByte(bytes: Uint8Array): number {
  let at = 0;
  while (at < bytes.length) {
    const lead = bytes[at]!;
    let length: number;
    let min = 0x80;
    let max = 0xbf;
    if (lead < 0x80) length = 1;
    else if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) min = 0xa0; // no overlong forms
      if (lead === 0xed) max = 0x9f; // no surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) min = 0x90;
      if (lead === 0xf4) max = 0x8f; // nothing above U+10FFFF
    } else return at;
    for (let next = 1; next < length; next += 1) {
      const byte = bytes[at + next];
      const low = next === 1 ? min : 0x80;
      const high = next === 1 ? max : 0xbf;
      if (byte === undefined || byte < low || byte > high) return at;
    }
    at += length;
  }
  return bytes.length;
}
