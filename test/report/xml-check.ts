// A minimal XML well-formedness check for the JUnit tests: balanced, properly nested tags, quoted
// attributes, known entities only, no raw "<" or "&" in text; returns the elements it saw.

/** One element: its name and attributes (entities decoded) and its text content. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  text: string;
}

const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/y;

// Decodes the five predefined entities and character references.
export function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (e in named) return named[e];
    return String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

// Checks that text has no raw "<" and that every "&" starts a known entity.
function checkText(text: string, at: number): void {
  if (text.includes('<')) throw new Error(`raw < in text at ${at}`);
  for (let i = text.indexOf('&'); i >= 0; i = text.indexOf('&', i + 1)) {
    ENTITY.lastIndex = i;
    if (!ENTITY.test(text)) throw new Error(`bad entity at ${at + i}: ${text.slice(i, i + 12)}`);
  }
}

// Parses "name a="v" b='w'" into a name and attributes, or throws.
function parseTag(body: string, at: number): { name: string; attrs: Record<string, string> } {
  const m = /^([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*$/.exec(body);
  if (!m) throw new Error(`malformed tag at ${at}: <${body.slice(0, 60)}>`);
  const attrs: Record<string, string> = {};
  for (const a of m[2].matchAll(/([A-Za-z_][\w.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const value = a[2] ?? a[3] ?? '';
    checkText(value, at);
    if (a[1] in attrs) throw new Error(`duplicate attribute ${a[1]} at ${at}`);
    attrs[a[1]] = decode(value);
  }
  return { name: m[1], attrs };
}

// Parses a whole document (declaration allowed), throwing on the first well-formedness error.
export function parseXml(xml: string): XmlElement[] {
  const doc = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: XmlElement[] = [];
  const all: XmlElement[] = [];
  let i = 0;
  let roots = 0;
  while (i < doc.length) {
    const lt = doc.indexOf('<', i);
    const text = doc.slice(i, lt < 0 ? doc.length : lt);
    checkText(text, i);
    if (stack.length > 0) stack[stack.length - 1].text += decode(text);
    else if (text.trim() !== '') throw new Error(`text outside the root at ${i}`);
    if (lt < 0) break;
    const gt = doc.indexOf('>', lt);
    if (gt < 0) throw new Error(`unterminated tag at ${lt}`);
    const raw = doc.slice(lt + 1, gt);
    i = gt + 1;
    if (raw.startsWith('/')) {
      const open = stack.pop();
      if (!open || open.name !== raw.slice(1).trim()) throw new Error(`mismatched </${raw.slice(1)}> at ${lt}`);
      continue;
    }
    const selfClosing = raw.endsWith('/');
    const { name, attrs } = parseTag(selfClosing ? raw.slice(0, -1) : raw, lt);
    if (stack.length === 0 && roots++ > 0) throw new Error('more than one root element');
    const el: XmlElement = { name, attrs, text: '' };
    all.push(el);
    if (!selfClosing) stack.push(el);
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack[stack.length - 1].name}>`);
  return all;
}
