import { SaxesParser } from 'saxes';

/** A small element tree for one record (one <Child>): never the whole document. */
export interface XmlNode {
  name: string;
  line: number;
  text: string;
  children: XmlNode[];
}

export interface XmlStreamHandlers {
  /** Called with the root element's name before anything else. */
  root?(name: string): void;
  /** Called for each complete element named `recordElement`, and for top-level leaves outside records. */
  record(node: XmlNode): void;
  leaf?(path: string, text: string, line: number): void;
}

export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/**
 * Streams XML with saxes, building a tree only for each record element (e.g. one child in the
 * CIN census) and handing it over as soon as it closes, so memory stays at one record however
 * large the file. Text outside records is reported as leaves with their path.
 */
export function streamXml(text: string, recordElement: string, handlers: XmlStreamHandlers, onProgress?: (done: number) => void): void {
  const parser = new SaxesParser({ position: true });
  const stack: XmlNode[] = [];
  const path: string[] = [];
  let inRecord = 0;
  let leafText = '';
  parser.on('opentag', (tag) => {
    if (path.length === 0) handlers.root?.(tag.name);
    path.push(tag.name);
    leafText = '';
    if (tag.name === recordElement || inRecord) {
      inRecord++;
      const node: XmlNode = { name: tag.name, line: parser.line, text: '', children: [] };
      stack[stack.length - 1]?.children.push(node);
      stack.push(node);
    }
  });
  parser.on('text', (t) => {
    if (inRecord) stack[stack.length - 1]!.text += t;
    else leafText += t;
  });
  parser.on('cdata', (t) => {
    if (inRecord) stack[stack.length - 1]!.text += t;
    else leafText += t;
  });
  parser.on('closetag', () => {
    if (inRecord) {
      inRecord--;
      const node = stack.pop()!;
      node.text = node.text.trim();
      if (inRecord === 0) handlers.record(node);
    } else if (leafText.trim() !== '') {
      handlers.leaf?.(path.join('/'), leafText.trim(), parser.line);
    }
    leafText = '';
    path.pop();
  });
  const chunk = 1 << 20;
  try {
    for (let i = 0; i < text.length; i += chunk) {
      parser.write(text.slice(i, i + chunk));
      onProgress?.(Math.min(text.length, i + chunk));
    }
    parser.close();
  } catch (error) {
    const message = (error as Error).message;
    const m = /^(?:[^:]*:)?(\d+):(\d+): (.*)$/s.exec(message);
    throw new XmlSyntaxError(m ? m[3]! : message, m ? Number(m[1]) : parser.line);
  }
}

/** Leaf values of a node, by element name, with their lines (repeated elements: first one). */
export function leaves(node: XmlNode): { values: Record<string, string>; lines: Record<string, number> } {
  const values: Record<string, string> = {};
  const lines: Record<string, number> = {};
  for (const child of node.children) {
    if (child.children.length === 0 && !(child.name in values)) {
      values[child.name] = child.text;
      lines[child.name] = child.line;
    }
  }
  return { values, lines };
}

export function childrenNamed(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((c) => c.name === name);
}
