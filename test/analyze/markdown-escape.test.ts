import { describe, expect, it } from 'vitest';
import { escapeMarkdown, escapeMarkdownCell } from '../../src/render/markdown-escape.js';

describe('Markdown escaping of model text', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['[click](javascript:alert(1))', '\\[click\\](javascript:alert(1))'],
    ['**bold** _em_ `code` ~strike~', '\\*\\*bold\\*\\* \\_em\\_ \\`code\\` \\~strike\\~'],
    ['ping @security-team', 'ping &#64;security-team'],
    ['see #42', 'see &#35;42'],
    ['https://evil.example/x and www.evil.example', 'https&#58;//evil.example/x and www&#46;evil.example'],
    ['a & b', 'a &amp; b'],
  ])('%s', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it('keeps a table cell on one line and its pipes inside the cell', () => {
    expect(escapeMarkdownCell('a | b\nc')).toBe('a \\| b c');
  });
});
