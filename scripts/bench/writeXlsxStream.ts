// A minimal streaming .xlsx writer for the benchmark's big workbooks: the fixture writer
// (SheetJS) builds each sheet's XML as one string, which at 1,000,000 rows is past V8's largest
// string. This writes the same FixtureSheet cells (shared strings, numbers, dated serials,
// formulas with cached values, merges) row by row through fflate's streaming zip straight into
// a file, so memory stays flat. Written independently of the importer's reader.
import { createWriteStream } from 'node:fs';
import { Zip, ZipDeflate, ZipPassThrough, strToU8 } from 'fflate';
import type { FixtureCell, FixtureSheet } from '../../test/fixtures/employerFiles';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function colName(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Writes the sheets to `file`; resolves when the file is closed. */
export async function writeXlsxStream(file: string, sheets: readonly FixtureSheet[]): Promise<void> {
  const out = createWriteStream(file);
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  let failure: Error | null = null;
  const zip = new Zip((err, chunk, final) => {
    if (err) failure = err;
    else out.write(chunk);
    if (final) out.end();
  });
  const small = (name: string, text: string) => {
    const f = new ZipDeflate(name, { level: 6 });
    zip.add(f);
    f.push(strToU8(text), true);
  };
  const strings = new Map<string, number>();
  const sst = (s: string) => {
    let i = strings.get(s);
    if (i === undefined) {
      i = strings.size;
      strings.set(s, i);
    }
    return i;
  };
  // Date formats get style 1 ('yyyy-mm'), everything else the default style.
  const cellXml = (cell: FixtureCell, ref: string): string => {
    if (cell === null || cell === undefined) return '';
    if (typeof cell === 'string') return `<c r="${ref}" t="s"><v>${sst(cell)}</v></c>`;
    if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
    if ('serial' in cell) return `<c r="${ref}" s="1"><v>${cell.serial}</v></c>`;
    return `<c r="${ref}"><f>${esc(cell.formula)}</f><v>${cell.value}</v></c>`;
  };

  sheets.forEach((sheet, index) => {
    const f = new ZipDeflate(`xl/worksheets/sheet${index + 1}.xml`, { level: 6 });
    zip.add(f);
    const parts: string[] = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${REL}"><sheetData>`];
    let pending = parts[0]!.length;
    const flush = (final: boolean) => {
      f.push(strToU8(parts.join('')), final);
      parts.length = 0;
      pending = 0;
    };
    sheet.rows.forEach((row, r) => {
      let xml = `<row r="${r + 1}">`;
      row.forEach((cell, c) => {
        xml += cellXml(cell, `${colName(c)}${r + 1}`);
      });
      xml += '</row>';
      parts.push(xml);
      pending += xml.length;
      if (pending > 1 << 20) flush(false);
    });
    parts.push('</sheetData>');
    if (sheet.merges.length > 0) {
      parts.push(`<mergeCells count="${sheet.merges.length}">`);
      for (const m of sheet.merges) parts.push(`<mergeCell ref="${colName(m.left)}${m.top + 1}:${colName(m.right)}${m.bottom + 1}"/>`);
      parts.push('</mergeCells>');
    }
    parts.push('</worksheet>');
    flush(true);
  });

  // Shared strings, streamed too (they can be many: one per person ID and name).
  const s = new ZipDeflate('xl/sharedStrings.xml', { level: 6 });
  zip.add(s);
  let chunk = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS}" count="${strings.size}" uniqueCount="${strings.size}">`;
  for (const text of strings.keys()) {
    chunk += `<si><t xml:space="preserve">${esc(text)}</t></si>`;
    if (chunk.length > 1 << 20) {
      s.push(strToU8(chunk), false);
      chunk = '';
    }
  }
  s.push(strToU8(`${chunk}</sst>`), true);

  small(
    'xl/styles.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm"/></numFmts><fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
  );
  small(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets>${sheets.map((sh, i) => `<sheet name="${esc(sh.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
  );
  small(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rIdT" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  small(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  const pass = new ZipPassThrough('[Content_Types].xml');
  zip.add(pass);
  pass.push(
    strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    ),
    true,
  );
  zip.end();
  await done;
  if (failure) throw failure;
}
