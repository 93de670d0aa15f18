// 数据备份: the database backups (time, kind, size, cases), 立即备份, and 恢复 after a
// confirmation that says exactly what happens: the current database is backed up first, then
// replaced; work done after the chosen backup disappears from the screens.
import { useState } from 'react';
import { Alert, App, Button, InputNumber, Popover, Space, Table, Tag, Typography } from 'antd';
import { CloudUploadOutlined, HistoryOutlined } from '@ant-design/icons';
import { BACKUP_REASON_NAMES, type BackupInfo, type Retention } from '../../../../shared/api/dto/settings';
import { call, errorText } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { formatDateTime } from '../../format';
import { formatBytes } from './files';

export function BackupsPanel() {
  const list = useQuery(() => call('backups.list', {}), []);
  const { message, modal } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Retention | null>(null);

  const saveRetention = async () => {
    if (!editing) return;
    try {
      await call('backups.setRetention', editing);
      setEditing(null);
      message.success(`已设置：保留最近 ${editing.keepRecent} 份及近 ${editing.keepMonthly} 个月每月第一份`);
      await list.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const create = async () => {
    setCreating(true);
    try {
      const b = await call('backups.create', {});
      message.success(`已备份：${b.fileName}`);
      await list.reload();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setCreating(false);
    }
  };

  const restore = (b: BackupInfo) => {
    modal.confirm({
      title: `恢复到 ${formatDateTime(b.createdAt)} 的备份？`,
      width: 560,
      okText: '恢复',
      okButtonProps: { danger: true },
      cancelText: '取消',
      content: (
        <div data-testid="restore-confirm">
          <p>将用备份 {b.fileName} 替换本机当前的数据库：</p>
          <ul style={{ paddingLeft: 18 }}>
            <li>恢复前先自动备份当前数据库（列在下表中，需要时可再恢复回来）；</li>
            <li>该备份之后新建的案件、导入的文件、作出的处理和生成的文书将不再显示；</li>
            <li>恢复本身记入审计日志；有导入正在进行时不能恢复。</li>
          </ul>
        </div>
      ),
      onOk: async () => {
        try {
          const r = await call('backups.restore', { fileName: b.fileName });
          setRestoreError(null);
          message.success(`已恢复到 ${formatDateTime(r.restored.createdAt)} 的备份；恢复前的数据库已备份为 ${r.safetyCopy.fileName}`);
        } catch (e) {
          setRestoreError(errorText(e));
        }
        await list.reload();
      },
    });
  };

  return (
    <div data-testid="backups">
      <Space className="section" align="start">
        <Button type="primary" icon={<CloudUploadOutlined />} loading={creating} onClick={() => void create()}>
          立即备份
        </Button>
        <div className="muted">
          每天首次启动时和数据变更后（每小时至多一次）自动备份
          {list.data && (
            <>
              ，保留最近 {list.data.retention.keepRecent} 份及近 {list.data.retention.keepMonthly} 个月每月第一份。
              <Popover
                open={editing !== null}
                onOpenChange={(open) => setEditing(open ? list.data!.retention : null)}
                trigger="click"
                title="备份保留规则"
                content={
                  editing && (
                    <Space orientation="vertical" data-testid="retention-form">
                      <span>
                        保留最近 <InputNumber size="small" min={1} max={1000} precision={0} value={editing.keepRecent} onChange={(v) => setEditing({ ...editing, keepRecent: v ?? 1 })} aria-label="保留最近份数" /> 份
                      </span>
                      <span>
                        及近 <InputNumber size="small" min={0} max={1000} precision={0} value={editing.keepMonthly} onChange={(v) => setEditing({ ...editing, keepMonthly: v ?? 0 })} aria-label="保留月数" /> 个月每月第一份
                      </span>
                      <Button type="primary" size="small" onClick={() => void saveRetention()}>
                        保存并清理
                      </Button>
                    </Space>
                  )
                }
              >
                <Button type="link" size="small">
                  修改
                </Button>
              </Popover>
            </>
          )}
          {list.data && (
            <div>
              备份位置：<Typography.Text copyable className="mono">{list.data.dir}</Typography.Text>（可复制到移动硬盘另行保存）
            </div>
          )}
        </div>
      </Space>
      {restoreError && <Alert type="error" showIcon closable onClose={() => setRestoreError(null)} title={restoreError} className="section" data-testid="restore-error" />}
      {list.error && <Alert type="error" showIcon title={list.error} className="section" />}
      <Table<BackupInfo>
        size="small"
        rowKey="fileName"
        loading={list.loading}
        dataSource={list.data?.backups ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '还没有备份。' }}
        columns={[
          { title: '备份时间', dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
          { title: '方式', dataIndex: 'reason', width: 170, render: (v: BackupInfo['reason']) => (v ? <Tag color={v === 'before-restore' ? 'purple' : v === 'manual' ? 'blue' : 'default'}>{BACKUP_REASON_NAMES[v]}</Tag> : '—') },
          { title: '案件数', dataIndex: 'cases', width: 80, align: 'right', render: (v: number | null) => (v === null ? '—' : v) },
          { title: '大小', dataIndex: 'sizeBytes', width: 100, align: 'right', render: (v: number) => formatBytes(v) },
          { title: '文件', dataIndex: 'fileName', render: (v: string) => <span className="mono">{v}</span> },
          { title: '操作人', dataIndex: 'createdBy', width: 110, render: (v: string | null) => v || '—' },
          {
            title: '操作',
            key: 'actions',
            width: 90,
            render: (_, b) => (
              <Button size="small" icon={<HistoryOutlined />} onClick={() => restore(b)}>
                恢复
              </Button>
            ),
          },
        ]}
      />
    </div>
  );
}
