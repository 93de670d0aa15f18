// The on-screen preview of a document, drawn in React straight from its DocumentModel — the same
// model the PDF renderer reads — so what the auditor previews is what prints: A4 pages with the
// GB/T 9704 margins, the title and number, paragraphs, headings, lists, ruled tables (with page
// subtotals cut as the PDF cuts them), the signature block and the forms' blanks. Drafts show
// the 草稿 watermark and the outline of the seal, as their PDF does.
import { Fragment, type ReactNode } from 'react';
import { headingLabel } from '../../../../shared/documents/numbering';
import { tablePages, type Block, type DocumentModel, type Inline, type TableBlock, type TableCell } from '../../../../shared/documents/model';
import './documents.css';

function Runs({ content }: { content: readonly Inline[] }) {
  return (
    <>
      {content.map((c, i) => {
        if (typeof c === 'string') return <Fragment key={i}>{c}</Fragment>;
        let node: ReactNode = c.text;
        if (c.underline) node = <u>{node}</u>;
        if (c.strong) node = <strong className="dp-strong">{node}</strong>;
        return <Fragment key={i}>{node}</Fragment>;
      })}
    </>
  );
}

function listLabel(style: 'decimal' | 'paren-decimal' | 'chinese', n: number): string {
  switch (style) {
    case 'decimal':
      return headingLabel(3, n);
    case 'paren-decimal':
      return headingLabel(4, n);
    case 'chinese':
      return headingLabel(1, n);
  }
}

function Cell({ cell, header }: { cell: TableCell; header?: boolean }) {
  const Tag = header ? 'th' : 'td';
  return (
    <Tag colSpan={cell.colSpan} rowSpan={cell.rowSpan} style={{ textAlign: cell.align ?? 'center' }}>
      <Runs content={cell.content} />
    </Tag>
  );
}

function Table({ block }: { block: TableBlock }) {
  const total = block.columns.reduce((s, c) => s + c.weight, 0);
  const body: ReactNode[] = [];
  const row = (cells: TableCell[], key: string) => (
    <tr key={key}>
      {cells.map((c, i) => (
        <Cell key={i} cell={c} />
      ))}
    </tr>
  );
  if (block.pageTotals) {
    const pt = block.pageTotals;
    tablePages(block.rows.length, pt.rowsPerPage, pt.firstPageRows).forEach(([s, e], page) => {
      block.rows.slice(s, e).forEach((r, i) => body.push(row(r, `r${s + i}`)));
      const sums = pt.sums[page] ?? {};
      body.push(
        <tr key={`p${page}`} className="dp-subtotal">
          {block.columns.map((_, i) => (
            <td key={i} style={{ textAlign: i === 0 ? 'center' : 'right' }}>
              {i === 0 ? pt.label : (sums[i] ?? '')}
            </td>
          ))}
        </tr>,
      );
    });
  } else {
    block.rows.forEach((r, i) => body.push(row(r, `r${i}`)));
  }
  return (
    <table className={`dp-table dp-size-${block.size ?? 'body'}`}>
      <colgroup>
        {block.columns.map((c, i) => (
          <col key={i} style={{ width: `${(100 * c.weight) / total}%` }} />
        ))}
      </colgroup>
      <thead>
        {block.header.map((cells, i) => (
          <tr key={i}>
            {cells.map((c, j) => (
              <Cell key={j} cell={c} header />
            ))}
          </tr>
        ))}
      </thead>
      <tbody>
        {body}
        {(block.footer ?? []).map((r, i) => row(r, `f${i}`))}
      </tbody>
    </table>
  );
}

function BlockView({ block, draft }: { block: Block; draft: boolean }) {
  switch (block.kind) {
    case 'addressee':
      return <p className="dp-addressee">{block.text}</p>;
    case 'paragraph':
      return (
        <p className={`${block.indent === false ? '' : 'dp-indent'} ${block.small ? 'dp-small' : ''}`} style={{ textAlign: block.align ?? 'justify' }}>
          <Runs content={block.content} />
        </p>
      );
    case 'heading':
      return (
        <p className={`dp-indent dp-h${block.level}`}>
          <span className="dp-heading-text">
            {block.label}
            {block.text}
          </span>
          {block.content && (
            <span className="dp-heading-run">
              <Runs content={block.content} />
            </span>
          )}
        </p>
      );
    case 'list':
      return (
        <>
          {block.items.map((item, i) => (
            <p key={i} className="dp-indent">
              {listLabel(block.style, (block.start ?? 1) + i)}
              <Runs content={item} />
            </p>
          ))}
        </>
      );
    case 'table':
      return <Table block={block} />;
    case 'signature':
      return (
        <div className="dp-signature">
          {draft && block.sealText && <div className="dp-seal">{block.sealText}</div>}
          <div className="dp-signature-agency">{block.agency}</div>
          <div className="dp-signature-date">{block.date}</div>
        </div>
      );
    case 'received':
      return (
        <div className={`dp-received ${block.cutLine ? 'dp-cut' : ''}`}>
          {block.title && <p className="dp-received-title">{block.title}</p>}
          {block.lines.map((line, i) => (
            <p key={i} className="dp-received-line">
              {line.map((f, j) => (
                <span key={j} className="dp-received-field">
                  {f.label}
                  <u className="dp-blank" style={{ minWidth: `${f.blank}em` }}>
                    {f.value ?? '\u3000'}
                  </u>
                </span>
              ))}
            </p>
          ))}
        </div>
      );
    case 'attachments':
      return (
        <div className="dp-attachments">
          {block.items.map((a, i) => (
            <p key={i} className={i === 0 ? 'dp-indent' : 'dp-attachment-more'}>
              {i === 0 ? '附件：' : ''}
              {block.items.length > 1 ? `${i + 1}．` : ''}
              {a}
            </p>
          ))}
        </div>
      );
    case 'notes':
      return (
        <div className="dp-notes">
          {block.items.map((item, i) => (
            <p key={i} className="dp-small">
              {i === 0 ? block.label : '\u3000\u3000'}
              {block.items.length > 1 ? `${i + 1}．` : ''}
              <Runs content={item} />
            </p>
          ))}
        </div>
      );
    case 'spacer':
      return <div style={{ height: `${block.lines * 1.6}em` }} />;
    case 'page-break':
      return null;
  }
}

/** The model's blocks cut at its explicit page breaks. */
function pagesOf(blocks: readonly Block[]): Block[][] {
  const pages: Block[][] = [[]];
  for (const b of blocks) {
    if (b.kind === 'page-break') pages.push([]);
    else pages[pages.length - 1]!.push(b);
  }
  return pages;
}

export function ModelPreview({ model, draft }: { model: DocumentModel; draft: boolean }) {
  const m = model.page.marginsMm;
  const pages = pagesOf(model.blocks);
  return (
    <div className="doc-preview" data-testid="model-preview">
      {pages.map((blocks, p) => (
        <div
          key={p}
          className={`dp-page ${model.page.orientation === 'landscape' ? 'dp-landscape' : ''}`}
          style={{ padding: `${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm` }}
          data-page={p + 1}
        >
          {draft && <div className="dp-watermark">草稿</div>}
          {p === 0 && (
            <header className="dp-head">
              {model.issuer && <div className="dp-issuer">{model.issuer}</div>}
              <h1 className="dp-title">{model.title}</h1>
              {model.number && <div className="dp-number">{model.number}</div>}
            </header>
          )}
          {blocks.map((b, i) => (
            <BlockView key={i} block={b} draft={draft} />
          ))}
          {model.page.pageNumbers !== 'none' && <div className={`dp-page-number ${model.page.pageNumbers === 'official' && p % 2 === 1 ? 'dp-left' : ''}`}>— {p + 1} —</div>}
        </div>
      ))}
    </div>
  );
}
