/**
 * @module test/viz/svg-reader
 * A strict little XML reader for the tests: it tokenises the SVG, checks that every tag closes
 * in order and that entities are well formed, and returns the elements with their attributes
 * (entities decoded), so assertions read the SVG the way a browser would.
 */

export interface SvgElement {
  name: string;
  attributes: Record<string, string>;
  /** Text directly inside the element and its descendants, entities decoded. */
  text: string;
  parent: SvgElement | null;
}

const entity: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

function decode(text: string): string {
  return text.replace(/&([a-z#0-9]+);/gi, (match, name: string) => {
    if (!(name in entity)) throw new Error(`unknown entity ${match}`);
    return entity[name]!;
  });
}

/** Parses `svg` into its elements in document order; throws on malformed markup. */
export function readSvg(svg: string): SvgElement[] {
  const elements: SvgElement[] = [];
  const stack: SvgElement[] = [];
  const token = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let index = 0;
  while (index < svg.length) {
    token.lastIndex = index;
    const match = token.exec(svg);
    if (!match) throw new Error(`malformed markup at ${index}: ${svg.slice(index, index + 40)}`);
    index = token.lastIndex;
    const [, closing, name, attrs, selfClosing, text] = match;
    if (text !== undefined) {
      if (text.includes('>') ) throw new Error(`unescaped ">" in text near ${index}`);
      const decoded = decode(text);
      for (const open of stack) open.text += decoded;
      continue;
    }
    if (closing) {
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`</${name}> closes <${open?.name}>`);
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const [, key, value] of attrs!.matchAll(/([\w:-]+)="([^"]*)"/g)) attributes[key!] = decode(value!);
    const element: SvgElement = { name: name!, attributes, text: '', parent: stack.at(-1) ?? null };
    elements.push(element);
    if (!selfClosing) stack.push(element);
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.at(-1)!.name}>`);
  return elements;
}
