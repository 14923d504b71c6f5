/**
 * @module pdf/fonts
 * The TrueType fonts PDFs are written with: DejaVu, which covers Cyrillic, taken from the
 * system (Debian's `fonts-dejavu-core`, Astra Linux and RED OS ship the same files). Nothing is
 * downloaded; a missing font is a clear error naming the package to install.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ReglamentError } from '../errors.js';

export interface PdfFonts {
  regular: string;
  bold: string;
  italic: string;
  mono: string;
}

/** Where distributions put DejaVu. */
export const fontDirectories = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/dejavu', '/usr/share/fonts/TTF', '/usr/local/share/fonts/dejavu'];

const files: PdfFonts = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf', italic: 'DejaVuSans-Oblique.ttf', mono: 'DejaVuSansMono.ttf' };

/**
 * Finds the DejaVu font files: in `directory` when given (or `REGLAMENT_FONT_DIR`), else in
 * the usual system places. Italic and mono fall back to regular when a minimal install lacks them.
 *
 * @example
 * findFonts(); // { regular: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', ... }
 */
export function findFonts(directory: string | undefined = process.env['REGLAMENT_FONT_DIR']): PdfFonts {
  const candidates = directory ? [directory] : fontDirectories;
  for (const dir of candidates) {
    const regular = join(dir, files.regular);
    if (!existsSync(regular)) continue;
    const or = (name: string, fallback: string) => (existsSync(join(dir, name)) ? join(dir, name) : fallback);
    const bold = or(files.bold, regular);
    return { regular, bold, italic: or(files.italic, regular), mono: or(files.mono, regular) };
  }
  throw new ReglamentError('INTERNAL', `no DejaVu Sans font in ${candidates.join(', ')}: install the fonts-dejavu-core package or set REGLAMENT_FONT_DIR`);
}
