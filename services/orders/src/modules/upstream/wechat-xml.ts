import { XMLParser } from 'fast-xml-parser';
import { isObject } from './channel-adapter';

// WeChat Pay v2's XML bodies: flat documents, every value in CDATA.

const XML_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** A flat `<xml><k><![CDATA[v]]></k>…</xml>` document, every value in CDATA as WeChat writes them. */
export function toWechatXml(params: Record<string, string>): string {
  const fields = Object.entries(params).map(([name, value]) => {
    if (!XML_NAME.test(name)) throw new RangeError(`"${name}" cannot be an XML element name`);
    // "]]>" would end the section early; splitting it across two sections keeps the value intact.
    return `<${name}><![CDATA[${value.replace(/]]>/g, ']]]]><![CDATA[>')}]]></${name}>`;
  });
  return `<xml>${fields.join('')}</xml>`;
}

const xmlParser = new XMLParser({
  // Entities stay unexpanded: no DOCTYPE tricks (billion laughs, external entities).
  processEntities: false,
  htmlEntities: false,
  // Values are compared byte for byte against the signature: no number parsing, no trimming.
  parseTagValue: false,
  trimValues: false,
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: '#cdata',
});

/**
 * Reads a flat WeChat XML document into its fields. Throws RangeError on anything that
 * is not one `<xml>` root with text-only children appearing once each, and on any
 * DOCTYPE. Text outside CDATA gets the five predefined entities and character references
 * decoded; nothing else is expanded.
 */
export function fromWechatXml(xml: string): Record<string, string> {
  if (/<!DOCTYPE/i.test(xml)) throw new RangeError('DOCTYPE is not allowed');
  let document: unknown;
  try {
    document = xmlParser.parse(xml, true);
  } catch (error) {
    throw new RangeError(`not well-formed XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isObject(document) || Object.keys(document).length !== 1 || !('xml' in document)) {
    throw new RangeError('the root element must be <xml>');
  }
  const root = document.xml;
  if (root === '') return {};
  if (!isObject(root)) throw new RangeError('<xml> must contain elements');
  const fields: [string, string][] = [];
  for (const [name, node] of Object.entries(root)) {
    if (name === '#text') {
      if (typeof node !== 'string' || node.trim() !== '')
        throw new RangeError('<xml> must not contain loose text');
      continue;
    }
    fields.push([name, readTextNode(name, node)]);
  }
  return Object.fromEntries(fields);
}

function readTextNode(name: string, node: unknown): string {
  if (typeof node === 'string') return decodeXmlText(node);
  if (isObject(node) && Object.keys(node).length === 1 && '#cdata' in node) {
    const cdata = node['#cdata'];
    if (typeof cdata === 'string') return cdata;
    // Several sections in a row, as toWechatXml writes a value containing "]]>".
    if (Array.isArray(cdata) && cdata.every((part): part is string => typeof part === 'string'))
      return cdata.join('');
  }
  if (Array.isArray(node)) throw new RangeError(`<${name}> appears more than once`);
  // Mixed text and CDATA loses its order in the parser; WeChat never sends it.
  throw new RangeError(`<${name}> must hold text or CDATA only`);
}

const PREDEFINED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);|&/g, (whole, entity: string | undefined) => {
    if (entity === undefined) throw new RangeError('a bare & in XML text');
    if (entity.startsWith('#')) {
      const codePoint =
        entity[1] === 'x' ? Number.parseInt(entity.slice(2), 16) : Number.parseInt(entity.slice(1), 10);
      if (codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff))
        throw new RangeError(`invalid character reference ${whole}`);
      return String.fromCodePoint(codePoint);
    }
    const decoded = PREDEFINED_ENTITIES[entity];
    if (decoded === undefined) throw new RangeError(`unknown entity ${whole}`);
    return decoded;
  });
}
