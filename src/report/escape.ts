// Tiny escapers for the reports: XML/HTML text and attributes, and JSON safe inside a <script> block.

// Characters XML 1.0 forbids (C0 controls but tab/newline/return, lone surrogates, U+FFFE/FFFF).
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// Replaces characters XML cannot carry with U+FFFD.
export function xmlSafe(text: string): string {
  return text.replace(INVALID_XML, '\uFFFD');
}

// Escapes text content for XML or HTML (& < >, so "]]>" cannot end anything either).
export function escText(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// Escapes an attribute value (quoted with "): also quotes, and line breaks kept as character references.
export function escAttr(text: string): string {
  return escText(text).replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

// JSON for a <script type="application/json"> block: < > & and the JS line separators as \u escapes,
// so no string inside (e.g. a log line with "</script>") can close the block.
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
