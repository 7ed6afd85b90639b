// A strict RFC 5545 reader for tests: a second parser besides ical.js, written to refuse what a
// lenient reader forgives (bare CR or LF, control characters, unescaped separators in TEXT,
// long lines, unbalanced components), so a hostile value that slips through shows up here.

export interface StrictProperty {
  name: string;
  params: string;
  value: string;
}

export interface StrictComponent {
  name: string;
  properties: StrictProperty[];
  children: StrictComponent[];
}

const NAME = /^[A-Za-z0-9-]+$/;
// param = name "=" value *("," value); value is a quoted string or text without ";:,\"".
const PARAM =
  /;[A-Za-z0-9-]+=(?:"[^"\p{Cc}]*"|[^";:,\p{Cc}]*)(?:,(?:"[^"\p{Cc}]*"|[^";:,\p{Cc}]*))*/uy;
// CONTROL = %x00-08 / %x0A-1F / %x7F (HTAB is allowed in values).
// eslint-disable-next-line no-control-regex -- the reader looks for control characters
const CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F]/;
const TEXT_PROPERTIES = new Set(['SUMMARY', 'DESCRIPTION', 'X-WR-CALNAME', 'X-WR-TIMEZONE', 'UID']);

/** Parses an .ics file, throwing on the first thing RFC 5545 does not allow. */
export function parseStrict(ics: string): StrictComponent {
  if (!ics.endsWith('\r\n')) throw new Error('file does not end with CRLF');
  const physical = ics.slice(0, -2).split('\r\n');
  const enc = new TextEncoder();
  const logical: string[] = [];
  for (const [i, line] of physical.entries()) {
    if (/[\r\n]/.test(line)) throw new Error(`bare CR or LF on line ${i + 1}`);
    if (enc.encode(line).length > 75) throw new Error(`line ${i + 1} is over 75 octets`);
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (logical.length === 0) throw new Error('continuation before the first line');
      logical[logical.length - 1] += line.slice(1);
    } else logical.push(line);
  }
  const stack: StrictComponent[] = [];
  let top: StrictComponent | null = null;
  for (const line of logical) {
    const prop = parseLine(line);
    if (prop.name === 'BEGIN') {
      if (!NAME.test(prop.value)) throw new Error(`bad component name ${prop.value}`);
      const comp: StrictComponent = { name: prop.value, properties: [], children: [] };
      if (stack.length) stack[stack.length - 1]!.children.push(comp);
      else if (top) throw new Error('content after the calendar');
      else top = comp;
      stack.push(comp);
    } else if (prop.name === 'END') {
      const open = stack.pop();
      if (!open || open.name !== prop.value) throw new Error(`END:${prop.value} does not match`);
    } else {
      const comp = stack[stack.length - 1];
      if (!comp) throw new Error(`property ${prop.name} outside a component`);
      if (TEXT_PROPERTIES.has(prop.name)) unescapeText(prop.value);
      comp.properties.push(prop);
    }
  }
  if (stack.length || !top) throw new Error('unbalanced BEGIN/END');
  return top;
}

function parseLine(line: string): StrictProperty {
  const m = /^[A-Za-z0-9-]+/.exec(line);
  if (!m) throw new Error(`no property name in ${JSON.stringify(line)}`);
  const name = m[0].toUpperCase();
  let at = m[0].length;
  const paramsStart = at;
  PARAM.lastIndex = at;
  while (line[at] === ';') {
    PARAM.lastIndex = at;
    const p = PARAM.exec(line);
    if (!p) throw new Error(`bad parameter in ${JSON.stringify(line)}`);
    at += p[0].length;
  }
  if (line[at] !== ':') throw new Error(`no colon after ${name}`);
  const value = line.slice(at + 1);
  if (CONTROL.test(value)) throw new Error(`control character in ${name}`);
  return { name, params: line.slice(paramsStart, at), value };
}

/** Reads a TEXT value, refusing unknown escapes and unescaped commas or semicolons. */
export function unescapeText(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === '\\') {
      const next = value[++i];
      if (next === 'n' || next === 'N') out += '\n';
      else if (next === '\\' || next === ';' || next === ',') out += next;
      else throw new Error(`bad escape \\${next ?? ''} in TEXT`);
    } else if (ch === ';' || ch === ',') throw new Error(`unescaped ${ch} in TEXT`);
    else out += ch;
  }
  return out;
}

/** The first value of a property in a component, or undefined. */
export function prop(comp: StrictComponent, name: string): string | undefined {
  return comp.properties.find((p) => p.name === name)?.value;
}

/** The component tree's shape: names of components and of their properties, in order. */
export function shape(comp: StrictComponent): unknown {
  return {
    name: comp.name,
    properties: comp.properties.map((p) => p.name),
    children: comp.children.map(shape),
  };
}
