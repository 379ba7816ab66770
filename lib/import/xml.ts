import { XMLParser, XMLValidator } from "fast-xml-parser";
import { ImportFileError } from "./types";

/**
 * Reads TCX/GPX XML safely: a file that declares a DOCTYPE or entities is refused (they are
 * never processed, so no external entity is ever resolved and no entity can expand), a
 * truncated or malformed file is refused by the validator, and namespace prefixes are
 * dropped so Garmin's `ns3:TPX` and `gpxtpx:TrackPointExtension` read as `TPX` and
 * `TrackPointExtension`. The listed tags are always arrays.
 */
export function readXml(bytes: Uint8Array, arrayTags: readonly string[]): Record<string, unknown> {
  if (bytes.byteLength === 0) throw new ImportFileError("The file is empty.");
  const text = new TextDecoder("utf-8").decode(bytes);
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new ImportFileError("This file declares XML entities (a DOCTYPE), which watch files never do; it was refused and nothing in it was read.");
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new ImportFileError("This file is damaged or incomplete (it may have been cut off while copying). Export it again.");
  const tags = new Set(arrayTags);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    removeNSPrefix: true,
    processEntities: false,
    htmlEntities: false,
    parseTagValue: true,
    isArray: (name) => tags.has(name),
  });
  return parser.parse(text) as Record<string, unknown>;
}

export type Node = Record<string, unknown>;
export const node = (v: unknown): Node | undefined => (v && typeof v === "object" && !Array.isArray(v) ? (v as Node) : undefined);
export const list = (v: unknown): Node[] => (Array.isArray(v) ? v.filter((x): x is Node => !!node(x)) : node(v) ? [v as Node] : []);
/** A number from a tag's text or a `{ Value }` child (TCX heart rate). */
export function num(v: unknown): number | undefined {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  const inner = node(v);
  if (inner && "Value" in inner) return num(inner.Value);
  if (inner && "#text" in inner) return num(inner["#text"]);
  return undefined;
}
export function text(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  const inner = node(v);
  return inner && typeof inner["#text"] === "string" ? inner["#text"] : undefined;
}
export function time(v: unknown): Date | undefined {
  const s = text(v);
  if (!s) return undefined;
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}
