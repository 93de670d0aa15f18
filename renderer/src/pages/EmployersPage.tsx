// 单位: the directory of employers, and the form to add one.
import { useState } from 'react';
import { Alert, Button, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Employer } from '../../../shared/api/dto';
import { call } from '../api/client';
import { useQuery } from '../api/useQuery';
import { EmployerFormModal } from '../components/EmployerFormModal';
import { formatDateTime } from '../format';
import { navigate } from '../router';

export function EmployersPage() {
  const employers = useQuery(() => call('employers.list', {}), []);
  const [creating, setCreating] = useState(false);

  return (
    <div>
      <div className="page-title">
        <h2>单位</h2>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          新建单位
        </Button>
      </div>
      {employers.error && <Alert type="error" showIcon title={employers.error} className="section" />}
      <Table<Employer>
        size="small"
        rowKey="id"
        loading={employers.loading}
        dataSource={employers.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: '还没有单位。点击右上角“新建单位”录入被稽核单位。' }}
        columns={[
          { title: '单位名称', dataIndex: 'name', render: (name: string) => <strong>{name}</strong> },
          { title: '统一社会信用代码', dataIndex: 'creditCode', render: (v: string) => <span className="mono">{v}</span> },
          { title: '参保单位编号', dataIndex: 'insuranceUnitCode', render: (v?: string) => v || '—' },
          { title: '行业', dataIndex: 'industry', render: (v?: string) => v || '—' },
          { title: '地址', dataIndex: 'address', ellipsis: true, render: (v?: string) => v || '—' },
          { title: '联系人', dataIndex: 'contact', render: (v: string | undefined, e) => [v, e.phone].filter(Boolean).join(' ') || '—' },
          { title: '录入时间', dataIndex: 'createdAt', width: 140, render: (v: string) => formatDateTime(v) },
          {
            title: '操作',
            key: 'actions',
            width: 110,
            render: (_, e) => (
              <Button size="small" onClick={() => navigate({ page: 'cases', employerId: e.id })}>
                稽核案件
              </Button>
            ),
          },
        ]}
      />
      <EmployerFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          void employers.reload();
        }}
      />
    </div>
  );
}
