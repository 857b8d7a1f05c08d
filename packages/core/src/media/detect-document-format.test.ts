import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { detectDocumentFormat, documentSniffBytes } from './detect-document-format';

// A 1x1 greyscale PNG and a 1x1 lossless WebP, complete files (chunk CRCs and RIFF size checked).
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==',
  'base64',
);
const webp = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64');
// Start of a baseline JFIF file: SOI, then the APP0 segment.
const jpeg = Buffer.from([
  0xff,
  0xd8,
  0xff,
  0xe0,
  0x00,
  0x10,
  ...Buffer.from('JFIF\0'),
  1,
  1,
  0,
  0,
  1,
  0,
  1,
  0,
  0,
]);
const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' +
    '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

const text = { format: 'text', mimeType: 'text/plain', contentType: 'text/plain; charset=utf-8' };

describe('detectDocumentFormat', () => {
  it.each([
    ['a PDF', pdf, 'pdf', 'application/pdf'],
    ['a PNG', png, 'png', 'image/png'],
    ['a JPEG', jpeg, 'jpeg', 'image/jpeg'],
    ['a WebP', webp, 'webp', 'image/webp'],
  ])('should recognise %s', (_name, bytes, format, mimeType) => {
    expect(detectDocumentFormat(bytes)).toEqual({ format, mimeType, contentType: mimeType });
  });

  it('should accept UTF-8 text with accents, a BOM, tabs and CRLF as plain text', () => {
    expect(detectDocumentFormat(Buffer.from('Paciente: João Conceição\r\nQueixa:\tcefaleia\f\n'))).toEqual(
      text,
    );
    expect(detectDocumentFormat(Buffer.from('\uFEFFMédico: Dr. Müller — 37,5 °C\n'))).toEqual(text);
  });

  it('should accept a long text whose sniffed prefix ends inside a multi-byte character', () => {
    const body = Buffer.from(`${'a'.repeat(documentSniffBytes - 1)}é and more text after the prefix`);
    expect(body[documentSniffBytes - 1]).toBe(0xc3);

    expect(detectDocumentFormat(body)).toEqual(text);
    expect(detectDocumentFormat(body.subarray(0, documentSniffBytes))).toEqual(text);
  });

  it('should reject a whole short file that ends inside a multi-byte character', () => {
    expect(detectDocumentFormat(Buffer.from('Paciente tomou café').subarray(0, -1))).toBeUndefined();
  });

  it.each([
    ['a ZIP archive', Buffer.concat([Buffer.from('PK\x03\x04\x14\0\0\0\x08\0', 'latin1'), randomBytes(200)])],
    ['a Windows executable', Buffer.concat([Buffer.from('MZ\x90\0\x03\0\0\0', 'latin1'), randomBytes(200)])],
    ['random binary', randomBytes(4096)],
    ['text with NUL bytes', Buffer.from('Paciente: Ana\0\0\0Silva\n')],
    ['text with an escape sequence', Buffer.from('normal \x1b[31mred\x1b[0m\n')],
    ['Latin-1 text (not UTF-8)', Buffer.from('Conceição\n', 'latin1')],
    ['an overlong UTF-8 encoding of "/"', Buffer.from([0x2e, 0x2e, 0xc0, 0xaf])],
    ['an empty file', Buffer.alloc(0)],
    ['a WAV recording', Buffer.from('RIFF\x24\0\0\0WAVEfmt ', 'latin1')],
  ])('should reject %s', (_name, bytes) => {
    expect(detectDocumentFormat(bytes)).toBeUndefined();
  });

  it.each([
    ['SVG', '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>\n'],
    ['HTML', '<!doctype html><html><body><script>fetch("/api/patients")</script></body></html>\n'],
    ['a script', '#!/bin/sh\nrm -rf /\n'],
  ])('should accept %s only as plain text, never as an image or a page', (_name, source) => {
    expect(detectDocumentFormat(Buffer.from(source))).toEqual(text);
  });

  it('should treat a file starting with %PDF- as a PDF even when HTML follows', () => {
    const polyglot = Buffer.from('%PDF-1.7\n<html><script>alert(document.cookie)</script></html>\n');

    expect(detectDocumentFormat(polyglot)?.format).toBe('pdf');
  });

  it('should not take a RIFF file of another kind for WebP', () => {
    expect(detectDocumentFormat(Buffer.from('RIFF\x1a\0\0\0WEBPJUNK', 'latin1'))).toBeUndefined();
  });
});
