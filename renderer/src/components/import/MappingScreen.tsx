// The column-mapping screen (issue 3, DOMAIN.md §4.4): the first rows of each sheet with the
// detected header row highlighted and the rows above it dimmed, each column's role in a Select,
// the sheet month when there is no month column, per-sheet skip, "保存为本单位模板", and one
// click to confirm. A template found for the employer is shown as applied.
import { useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Input, InputNumber, Modal, Select, Space, Tabs, Tag, Tooltip } from 'antd';
import type { ImportPreview, MappingOverrideDto, PreviewColumn, PreviewSheet } from '../../../../shared/api/dto/imports';
import { COLUMN_ROLE_NAMES, IMPORT_KIND_NAMES, type ColumnRole, type ImportKind } from '../../../../shared/domain/importReport';
import { parseRoleValue, roleOptions, roleValue } from './columnRoleOptions';

export interface MappingConfirm {
  mapping: MappingOverrideDto;
  saveTemplate: boolean;
  templateName?: string;
  templateId?: number;
}

interface Props {
  kind: ImportKind;
  preview: ImportPreview;
  /** Another header row was typed: re-read the sheet with it. */
  onReload: (mapping: MappingOverrideDto) => void;
  onConfirm: (c: MappingConfirm) => void;
  onCancel: () => void;
  busy: boolean;
}

interface SheetState {
  columns: PreviewColumn[];
  sheetMonth: string;
  skip: boolean;
}

const REQUIRED: Partial<Record<ImportKind, ColumnRole[]>> = { payroll: ['personId', 'gross'], declaration: ['personId', 'base'] };
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const letterOf = (i: number) => {
  let n = i + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

/** Title rows above the header: a text runs over the empty cells to its right (merged titles). */
function spans(cells: readonly string[], width: number): { start: number; span: number }[] {
  const out: { start: number; span: number }[] = [];
  for (let i = 0; i < width; i++) {
    const last = out[out.length - 1];
    if (last && (cells[i] ?? '') === '' && (cells[last.start] ?? '') !== '') last.span++;
    else out.push({ start: i, span: 1 });
  }
  return out;
}

function initialState(sheets: readonly PreviewSheet[]): Record<string, SheetState> {
  const out: Record<string, SheetState> = {};
  for (const s of sheets) out[s.sheet] = { columns: s.columns.map((c) => ({ ...c })), sheetMonth: s.sheetMonth ?? '', skip: s.hidden || s.headerRow === 0 };
  return out;
}

/** What is missing for this sheet to be read, in Chinese; '' when nothing. */
function sheetProblem(kind: ImportKind, sheet: PreviewSheet, st: SheetState): string {
  if (st.skip) return '';
  if (sheet.headerRow === 0) return '没有找到表头行，请填写表头行号';
  const roles = new Set(st.columns.map((c) => c.role));
  const missing = (REQUIRED[kind] ?? []).filter((r) => !roles.has(r)).map((r) => `“${COLUMN_ROLE_NAMES[r]}”列`);
  if (!roles.has('month')) {
    if (st.sheetMonth === '') missing.push('月份（选择月份列，或填写表内月份）');
    else if (!MONTH.test(st.sheetMonth)) missing.push('正确的表内月份（格式 2024-03）');
  }
  return missing.length ? `缺少${missing.join('、')}` : '';
}

function SheetGrid({ kind, sheet, st, partial, onRole }: { kind: ImportKind; sheet: PreviewSheet; st: SheetState; partial: boolean; onRole: (index: number, value: string) => void }) {
  const width = Math.max(sheet.columns.reduce((m, c) => Math.max(m, c.index + 1), 0), ...sheet.rows.map((r) => r.cells.length));
  const options = useMemo(() => roleOptions(kind), [kind]);
  const byIndex = new Map(st.columns.map((c) => [c.index, c]));
  const cellStyle = { border: '1px solid #e5e6eb', padding: '3px 6px', whiteSpace: 'nowrap' as const, maxWidth: 180, overflow: 'hidden', textOverflow: 'ellipsis' };
  return (
    <div style={{ overflow: 'auto', maxHeight: 430, border: '1px solid #e5e6eb' }} data-testid="mapping-grid">
      <table style={{ borderCollapse: 'collapse', fontSize: 12 }}>
        <thead>
          <tr style={{ position: 'sticky', top: 0, background: '#fafafa', zIndex: 1 }}>
            <th style={{ ...cellStyle, width: 40 }}>行</th>
            {Array.from({ length: width }, (_, i) => {
              const col = byIndex.get(i);
              const value = col ? roleValue(col.role, col.insurance) : 'ignore';
              return (
                <th key={i} style={{ ...cellStyle, fontWeight: 'normal', minWidth: 110, background: value !== 'ignore' ? '#f0f9eb' : undefined }}>
                  <div style={{ color: '#86909c' }}>{letterOf(i)} 列</div>
                  <Select
                    size="small"
                    style={{ width: '100%' }}
                    value={value}
                    options={options}
                    showSearch={{ optionFilterProp: 'label' }}
                    disabled={st.skip}
                    aria-label={`${letterOf(i)}列的用途`}
                    data-testid={`role-${letterOf(i)}`}
                    onChange={(v: string) => onRole(i, v)}
                  />
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sheet.rows.map((r) => {
            const header = sheet.headerRow > 0 && r.row >= sheet.headerTop && r.row <= sheet.headerRow;
            const above = sheet.headerRow > 0 && r.row < sheet.headerTop;
            const style = header ? { background: '#e6f4ff', fontWeight: 600 } : above ? { color: '#b0b4ba', background: '#fbfbfc' } : {};
            return (
              <tr key={r.row} style={style} data-row-kind={header ? 'header' : above ? 'above' : 'data'}>
                <td style={{ ...cellStyle, textAlign: 'right', color: '#86909c' }}>
                  {header ? <Tooltip title="表头行">{r.row}</Tooltip> : r.row}
                </td>
                {above
                  ? spans(r.cells, width).map(({ start, span }) => (
                      <td key={start} colSpan={span} style={{ ...cellStyle, maxWidth: undefined }} title={r.cells[start] ?? ''}>
                        {r.cells[start] ?? ''}
                      </td>
                    ))
                  : Array.from({ length: width }, (_, i) => (
                      <td key={i} style={cellStyle} title={r.cells[i] ?? ''}>
                        {r.cells[i] ?? ''}
                      </td>
                    ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {sheet.totalRows > sheet.rows.length && (
        <div className="muted" style={{ padding: '4px 8px' }}>
          仅显示前 {sheet.rows.length} 行{partial ? '' : `，共 ${sheet.totalRows} 行`}
        </div>
      )}
    </div>
  );
}

export function MappingScreen({ kind, preview, onReload, onConfirm, onCancel, busy }: Props) {
  const [state, setState] = useState(() => initialState(preview.sheets));
  const [active, setActive] = useState(preview.sheets[0]?.sheet ?? '');
  const [saveTemplate, setSaveTemplate] = useState(false);
  const [templateName, setTemplateName] = useState(`${IMPORT_KIND_NAMES[kind]}模板`);
  const [headerRowInput, setHeaderRowInput] = useState<Record<string, number | null>>({});

  const setSheet = (sheet: string, patch: Partial<SheetState>) => setState((s) => ({ ...s, [sheet]: { ...(s[sheet] as SheetState), ...patch } }));

  const changeRole = (sheet: PreviewSheet, index: number, value: string) => {
    const { role, insurance } = parseRoleValue(value);
    const st = state[sheet.sheet] as SheetState;
    let columns = st.columns.map((c) => ({ ...c }));
    // One column per role (and insurance): the role moves away from any other column.
    if (role !== 'ignore') columns = columns.map((c) => (c.role === role && c.insurance === insurance && c.index !== index ? { ...c, role: 'ignore' as const, insurance: null } : c));
    const existing = columns.find((c) => c.index === index);
    if (existing) Object.assign(existing, { role, insurance: role === 'ignore' ? null : insurance });
    else columns.push({ index, letter: letterOf(index), header: '', role, insurance });
    setSheet(sheet.sheet, { columns: columns.sort((a, b) => a.index - b.index) });
  };

  const problems = preview.sheets.map((s) => sheetProblem(kind, s, state[s.sheet] as SheetState));
  const anySheet = preview.sheets.some((s) => !(state[s.sheet] as SheetState).skip);
  const blocked = !anySheet || problems.some((p) => p !== '');

  const confirm = () => {
    const mapping: MappingOverrideDto = {};
    for (const s of preview.sheets) {
      const st = state[s.sheet] as SheetState;
      if (st.skip) {
        mapping[s.sheet] = { skip: true };
        continue;
      }
      const columns: NonNullable<MappingOverrideDto[string]['columns']> = {};
      for (const c of st.columns) columns[c.letter] = c.insurance ? { role: c.role, insurance: c.insurance } : c.role;
      const hasMonth = st.columns.some((c) => c.role === 'month');
      mapping[s.sheet] = { headerRow: s.headerRow, columns, ...(hasMonth ? {} : { sheetMonth: st.sheetMonth }) };
    }
    onConfirm({ mapping, saveTemplate, templateName: saveTemplate ? templateName.trim() || undefined : undefined, templateId: preview.templateApplied ? preview.template?.id : undefined });
  };

  return (
    <Modal
      open
      width={1180}
      title={`确认列映射：${preview.fileName}`}
      onCancel={onCancel}
      maskClosable={false}
      footer={
        <Space>
          <Checkbox checked={saveTemplate} onChange={(e) => setSaveTemplate(e.target.checked)} data-testid="save-template">
            保存为本单位模板
          </Checkbox>
          {saveTemplate && <Input size="small" style={{ width: 200 }} value={templateName} maxLength={60} onChange={(e) => setTemplateName(e.target.value)} aria-label="模板名称" />}
          <Button onClick={onCancel}>取消</Button>
          <Button type="primary" disabled={blocked || busy} loading={busy} onClick={confirm}>
            确认导入
          </Button>
        </Space>
      }
    >
      {preview.templateApplied && preview.template && (
        <Alert
          type="success"
          showIcon
          className="section"
          title={`已按模板“${preview.template.name}”识别列`}
          description={`模板由 ${preview.template.createdBy} 于 ${preview.template.createdAt.slice(0, 10)} 保存${preview.template.lastUsedAt ? `，上次使用 ${preview.template.lastUsedAt.slice(0, 10)}` : ''}。如有不同，可在下方逐列修改。`}
        />
      )}
      {!preview.templateApplied && (
        <Alert type="info" showIcon className="section" title="已自动识别表头和各列用途，请核对：蓝色为表头行，灰色为表头以上的标题行；如有识别错误，在列上方选择正确的用途。" />
      )}
      <Tabs
        activeKey={active}
        onChange={setActive}
        items={preview.sheets.map((s, i) => {
          const st = state[s.sheet] as SheetState;
          const hasMonth = st.columns.some((c) => c.role === 'month');
          return {
            key: s.sheet,
            label: (
              <span>
                {s.sheet || 'CSV'} {st.skip ? <Tag>跳过</Tag> : problems[i] ? <Tag color="red">待补充</Tag> : null}
              </span>
            ),
            children: (
              <div>
                <Space wrap className="section">
                  <span>
                    表头行：
                    <InputNumber
                      size="small"
                      min={1}
                      max={30}
                      value={headerRowInput[s.sheet] ?? s.headerRow ?? null}
                      onChange={(v) => setHeaderRowInput((h) => ({ ...h, [s.sheet]: v }))}
                      style={{ width: 64 }}
                      aria-label="表头行"
                    />
                    <Button
                      size="small"
                      type="link"
                      disabled={!headerRowInput[s.sheet] || headerRowInput[s.sheet] === s.headerRow || busy}
                      onClick={() => onReload({ [s.sheet]: { headerRow: headerRowInput[s.sheet] as number } })}
                    >
                      按此行重新识别
                    </Button>
                  </span>
                  {!hasMonth && (
                    <span>
                      表内月份：
                      <Input
                        size="small"
                        style={{ width: 100 }}
                        placeholder="2024-03"
                        value={st.sheetMonth}
                        status={st.sheetMonth && !MONTH.test(st.sheetMonth) ? 'error' : undefined}
                        onChange={(e) => setSheet(s.sheet, { sheetMonth: e.target.value.trim() })}
                        aria-label="表内月份"
                      />
                      <span className="muted">（没有月份列时，本表每行都按此月份）</span>
                    </span>
                  )}
                  {preview.sheets.length > 1 && (
                    <Checkbox checked={st.skip} disabled={s.hidden} onChange={(e) => setSheet(s.sheet, { skip: e.target.checked })}>
                      {s.hidden ? '隐藏的工作表，不导入' : '跳过此工作表'}
                    </Checkbox>
                  )}
                </Space>
                {problems[i] && <Alert type="warning" showIcon className="section" title={problems[i]} />}
                <SheetGrid kind={kind} sheet={s} st={st} partial={preview.partial} onRole={(index, v) => changeRole(s, index, v)} />
              </div>
            ),
          };
        })}
      />
    </Modal>
  );
}
