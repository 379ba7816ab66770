/**
 * Text in any script for the PDF report: each run of text gets a font that has its glyphs,
 * right-to-left runs are put in visual order, and lines are broken by us so that a heading
 * can be kept with what follows it.
 *
 * Fonts (all OFL-1.1, from npm, embedded as subsets by pdfkit):
 * - DejaVu Sans (`dejavu-fonts-ttf`): Latin with accents, Greek, Cyrillic and most symbols;
 *   the base font, regular and bold.
 * - Noto Sans Arabic and Noto Sans Hebrew (`@fontsource/*`): shaped by fontkit (pdfkit's
 *   font engine) from the fonts' OpenType tables (joining forms, marks).
 * - Noto Sans Devanagari and Noto Sans Thai: shaped by fontkit too (conjuncts, vowel signs
 *   placed before their consonant, stacked tone marks).
 * - Noto Sans SC, JP and KR: Han characters take the Japanese font when the line holds kana,
 *   the Korean one when it holds Hangul, else the Chinese one.
 * - Noto Emoji (monochrome outlines: a PDF has no colour-font support in pdfkit).
 * - A character no font has prints as U+FFFD "�", a visible replacement, never as nothing.
 *
 * Fontsource splits each font into unicode-range subsets (`unicode.json`); we load the
 * subset file that holds the character. WOFF (not WOFF2) files are used: pdfkit 0.20
 * embeds WOFF2 glyphs blank.
 *
 * Right to left: the Unicode Bidirectional Algorithm (bidi-js) gives each character its
 * embedding level; a line is cut into pieces of one level and one font (spaces on their
 * own), the pieces are reordered per rule L2, and fontkit shapes each Arabic or Hebrew
 * piece and lays its glyphs right to left. Lines are broken in logical order first, then
 * each line is reordered, so a long right-to-left paragraph reads top to bottom. A
 * paragraph whose first strong character is right to left is aligned right.
 */
import fs from "node:fs";
import path from "node:path";
import bidiFactory from "bidi-js";
import * as fontkit from "fontkit";
import type PDFDocument from "pdfkit";

type Doc = InstanceType<typeof PDFDocument>;
export type Weight = "regular" | "bold";

const MODULES = path.join(process.cwd() /* turbopackIgnore: true */, "node_modules");
const DEJAVU = { regular: path.join(MODULES, "dejavu-fonts-ttf", "ttf", "DejaVuSans.ttf"), bold: path.join(MODULES, "dejavu-fonts-ttf", "ttf", "DejaVuSans-Bold.ttf") };

type Family = "arabic" | "hebrew" | "devanagari" | "thai" | "sc" | "jp" | "kr" | "emoji";
const FONTSOURCE: Record<Family, { pkg: string; file: string }> = {
  arabic: { pkg: "noto-sans-arabic", file: "noto-sans-arabic" },
  hebrew: { pkg: "noto-sans-hebrew", file: "noto-sans-hebrew" },
  devanagari: { pkg: "noto-sans-devanagari", file: "noto-sans-devanagari" },
  thai: { pkg: "noto-sans-thai", file: "noto-sans-thai" },
  sc: { pkg: "noto-sans-sc", file: "noto-sans-sc" },
  jp: { pkg: "noto-sans-jp", file: "noto-sans-jp" },
  kr: { pkg: "noto-sans-kr", file: "noto-sans-kr" },
  emoji: { pkg: "noto-emoji", file: "noto-emoji" },
};

type Range = [number, number];
const subsetCache = new Map<Family, { key: string; ranges: Range[] }[]>();

/** A fontsource package's subsets and the code points each holds (from its `unicode.json`). */
function subsets(family: Family): { key: string; ranges: Range[] }[] {
  let list = subsetCache.get(family);
  if (!list) {
    const json = JSON.parse(fs.readFileSync(path.join(MODULES, "@fontsource", FONTSOURCE[family].pkg, "unicode.json"), "utf8")) as Record<string, string>;
    list = Object.entries(json).map(([key, spec]) => ({
      key: key.replace(/^\[(\d+)\]$/, "$1"),
      ranges: spec.split(",").map((part) => {
        const [a, b] = part.trim().replace(/^U\+/i, "").split("-");
        return [parseInt(a!, 16), parseInt(b ?? a!, 16)] as Range;
      }),
    }));
    subsetCache.set(family, list);
  }
  return list;
}

/** The path of the fontsource file holding `cp`, or null when the family has no such character. */
function subsetFile(family: Family, cp: number, weight: Weight): string | null {
  const subset = subsets(family).find((s) => s.ranges.some(([a, b]) => cp >= a && cp <= b));
  if (!subset) return null;
  const dir = path.join(MODULES, "@fontsource", FONTSOURCE[family].pkg, "files");
  const file = (w: number) => path.join(dir, `${FONTSOURCE[family].file}-${subset.key}-${w}-normal.woff`);
  const bold = file(700);
  return weight === "bold" && fs.existsSync(bold) ? bold : file(400);
}

let dejavu: fontkit.Font | null = null;
function dejavuHas(cp: number): boolean {
  dejavu ??= fontkit.openSync(DEJAVU.regular) as fontkit.Font;
  return dejavu.hasGlyphForCodePoint(cp);
}

const RE = {
  arabic: /[\u0600-\u06FF\u0750-\u077F\u0870-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u,
  hebrew: /[\u0590-\u05FF\uFB1D-\uFB4F]/u,
  devanagari: /[\u0900-\u097F\uA8E0-\uA8FF]/u,
  thai: /[\u0E00-\u0E7F]/u,
  kana: /[\u3040-\u30FF\u31F0-\u31FF\uFF66-\uFF9F]/u,
  hangul: /[\u1100-\u11FF\u3130-\u318F\uA960-\uA97F\uAC00-\uD7AF\uD7B0-\uD7FF]/u,
  cjk: /[\u2E80-\u2FDF\u3000-\u303F\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF00-\uFF65\u{20000}-\u{2FA1F}]/u,
  emoji: /\p{Extended_Pictographic}/u,
  joiner: /[\u200C\u200D\uFE00-\uFE0F\u{E0020}-\u{E007F}\u{1F3FB}-\u{1F3FF}]|\p{M}/u,
};

/** A font for one character: its name for pdfkit and the file. */
type FontChoice = { name: string; file: string; rtlShaped: boolean };

function chooseFont(ch: string, weight: Weight, lineHints: { kana: boolean; hangul: boolean }): FontChoice {
  const cp = ch.codePointAt(0)!;
  const from = (family: Family): FontChoice | null => {
    const file = subsetFile(family, cp, weight);
    return file ? { name: `${family}:${path.basename(file, ".woff")}`, file, rtlShaped: family === "arabic" || family === "hebrew" } : null;
  };
  let choice: FontChoice | null = null;
  if (RE.arabic.test(ch)) choice = from("arabic");
  else if (RE.hebrew.test(ch)) choice = from("hebrew");
  else if (RE.devanagari.test(ch)) choice = from("devanagari");
  else if (RE.thai.test(ch)) choice = from("thai");
  else if (RE.hangul.test(ch)) choice = from("kr");
  else if (RE.kana.test(ch)) choice = from("jp");
  else if (RE.cjk.test(ch)) choice = from(lineHints.kana ? "jp" : lineHints.hangul ? "kr" : "sc") ?? from("sc");
  else if (RE.emoji.test(ch) && cp > 0xff && !dejavuHas(cp)) choice = from("emoji");
  if (choice) return choice;
  return base(weight);
}

/**
 * DejaVu under the names "regular" and "bold", the names the chart drawing uses too: pdfkit
 * caches a font under one name only when no other name holds the same file, and otherwise
 * reads the file again on every switch.
 */
const base = (weight: Weight): FontChoice => ({ name: weight, file: DEJAVU[weight], rtlShaped: false });

/** `text` with every character no font has replaced by U+FFFD, and control characters but tab and newline dropped. */
function printable(text: string): string {
  let out = "";
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if ((cp < 0x20 && ch !== "\n" && ch !== "\t") || (cp >= 0x7f && cp < 0xa0)) continue;
    if (ch === "\t") out += " ";
    else if (RE.arabic.test(ch) || RE.hebrew.test(ch) || RE.devanagari.test(ch) || RE.thai.test(ch) || RE.hangul.test(ch) || RE.kana.test(ch) || RE.cjk.test(ch) || RE.joiner.test(ch) || dejavuHas(cp)) out += ch;
    else if (RE.emoji.test(ch) && subsetFile("emoji", cp, "regular")) out += ch;
    else out += "\uFFFD";
  }
  return out;
}

const bidi = bidiFactory();

/** A piece of a line: text in logical order, one font, one embedding level. */
export type Piece = { text: string; font: FontChoice; level: number; width: number };
export type Line = { pieces: Piece[]; width: number; rtl: boolean };

const registered = new WeakMap<Doc, Set<string>>();

function selectFont(doc: Doc, font: FontChoice, size: number) {
  let names = registered.get(doc);
  if (!names) registered.set(doc, (names = new Set()));
  if (!names.has(font.name)) {
    doc.registerFont(font.name, font.file);
    names.add(font.name);
  }
  doc.font(font.name).fontSize(size);
}

/** Registers DejaVu Sans as "regular" and "bold" and selects the regular face (for drawing that calls pdfkit directly). */
export function selectBaseFont(doc: Doc, size = 10) {
  selectFont(doc, base("bold"), size);
  selectFont(doc, base("regular"), size);
}

/** Advance widths at 1 pt by font and text: the same words recur all through a report, and measuring shapes them each time. */
const widths = new Map<string, number>();

function widthOf(doc: Doc, text: string, font: FontChoice, size: number): number {
  const key = `${font.name}\u0000${text}`;
  let w = widths.get(key);
  if (w === undefined) {
    selectFont(doc, font, 100);
    w = doc.widthOfString(text) / 100;
    if (widths.size > 50_000) widths.clear();
    widths.set(key, w);
  }
  return w * size;
}

/** Splits a logical line into pieces of one font and one level, spaces apart. */
function piecesOf(doc: Doc, text: string, levels: Uint8Array, offset: number, weight: Weight, size: number): Piece[] {
  const hints = { kana: RE.kana.test(text), hangul: RE.hangul.test(text) };
  const pieces: Piece[] = [];
  let i = 0;
  for (const ch of text) {
    const level = levels[offset + i] ?? 0;
    const last = pieces.at(-1);
    const isSpace = ch === " ";
    // Marks, joiners and variation selectors stay with the character before them.
    if (last && !isSpace && last.text !== " " && RE.joiner.test(ch)) last.text += ch;
    else {
      const font = isSpace ? base(weight) : chooseFont(ch, weight, hints);
      if (last && !isSpace && last.text !== " " && last.font.name === font.name && last.level === level) last.text += ch;
      else pieces.push({ text: ch, font, level, width: 0 });
    }
    i += ch.length;
  }
  for (const p of pieces) p.width = widthOf(doc, p.text, p.font, size);
  return pieces;
}

/** Rule L2 of the bidirectional algorithm at piece level: reverse every run at or above each odd level, highest first. */
function visualOrder(pieces: Piece[]): Piece[] {
  const out = [...pieces];
  const max = Math.max(0, ...out.map((p) => p.level));
  const minOdd = Math.min(...out.map((p) => p.level).filter((l) => l % 2 === 1), Infinity);
  for (let level = max; level >= minOdd && level >= 1; level--) {
    let i = 0;
    while (i < out.length) {
      if (out[i]!.level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < out.length && out[j]!.level >= level) j++;
      out.splice(i, j - i, ...out.slice(i, j).reverse());
      i = j;
    }
  }
  return out.map((p) =>
    // A right-to-left piece that fontkit will not reverse (digits are never odd-level; this is punctuation) is reversed here.
    p.level % 2 === 1 && !p.font.rtlShaped ? { ...p, text: [...p.text].reverse().join("") } : p,
  );
}

/**
 * Lays out a paragraph in lines no wider than `width` (points): each line's pieces in
 * visual order, with its width. Breaks at spaces, and between any two CJK characters;
 * a word wider than the line is broken by character.
 */
export function layoutParagraph(doc: Doc, text: string, opts: { width: number; size: number; weight?: Weight }): Line[] {
  const weight = opts.weight ?? "regular";
  const clean = printable(text);
  const lines: Line[] = [];
  for (const para of clean.split("\n")) {
    const { levels, paragraphs } = bidi.getEmbeddingLevels(para);
    const rtl = (paragraphs[0]?.level ?? 0) % 2 === 1;
    const all = piecesOf(doc, para, levels, 0, weight, opts.size);
    // Break units: split pieces into words (a CJK character is a word of its own).
    const units: Piece[] = [];
    for (const p of all) {
      if (p.text === " " || !RE.cjk.test(p.text)) {
        units.push(p);
        continue;
      }
      for (const ch of p.text) units.push({ ...p, text: ch, width: widthOf(doc, ch, p.font, opts.size) });
    }
    let current: Piece[] = [];
    let w = 0;
    const flush = () => {
      while (current.at(-1)?.text === " ") w -= current.pop()!.width;
      while (current[0]?.text === " ") w -= current.shift()!.width;
      lines.push({ pieces: visualOrder(current), width: w, rtl });
      current = [];
      w = 0;
    };
    // Group units into words: runs between spaces (so "Zoë-Ann" or "محمد" move as one).
    const words: Piece[][] = [];
    for (const u of units) {
      const lastWord = words.at(-1);
      const cjk = RE.cjk.test(u.text) || RE.hangul.test(u.text);
      if (u.text === " " || !lastWord || lastWord.at(-1)!.text === " " || cjk || RE.cjk.test(lastWord.at(-1)!.text)) words.push([u]);
      else lastWord.push(u);
    }
    for (const word of words) {
      const ww = word.reduce((s, p) => s + p.width, 0);
      if (w + ww > opts.width && current.some((p) => p.text !== " ")) flush();
      if (ww > opts.width && word.length === 1 && word[0]!.text.length > 1) {
        // One long word: break it by character.
        for (const ch of word[0]!.text) {
          const cw = widthOf(doc, ch, word[0]!.font, opts.size);
          if (w + cw > opts.width && current.length) flush();
          current.push({ ...word[0]!, text: ch, width: cw });
          w += cw;
        }
        continue;
      }
      if (word[0]!.text === " " && current.length === 0) continue;
      current.push(...word);
      w += ww;
    }
    flush();
  }
  return lines;
}

/** The height of `lines` at this size (points): 1.3 × the font size each. */
export function linesHeight(lines: readonly Line[], size: number): number {
  return lines.length * lineHeight(size);
}

export const lineHeight = (size: number) => size * 1.3;

/**
 * Draws laid-out lines from (x, y), each in a box `width` wide: left-aligned, or right for
 * a right-to-left paragraph, or centred when asked. Returns the y under the last line.
 */
export function drawLines(doc: Doc, lines: readonly Line[], x: number, y: number, opts: { width: number; size: number; color?: string; align?: "start" | "center" | "right" }): number {
  doc.fillColor(opts.color ?? "#111827");
  for (const line of lines) {
    let cx = opts.align === "center" ? x + (opts.width - line.width) / 2 : opts.align === "right" || line.rtl ? x + opts.width - line.width : x;
    for (const p of line.pieces) {
      selectFont(doc, p.font, opts.size);
      // Alphabetic baseline for every piece, so scripts with tall ascenders sit on one line.
      doc.text(p.text, cx, y + opts.size, { lineBreak: false, baseline: "alphabetic" });
      cx += p.width;
    }
    y += lineHeight(opts.size);
  }
  return y;
}
