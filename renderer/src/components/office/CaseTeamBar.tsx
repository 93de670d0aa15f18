// The case's inspection team from the inspector directory: a drawn case gets it from the draw
// (DOMAIN.md §10.3 step 7); any other case picks it here. The documents print the team's names
// and 执法证号 from the directory instead of typed ones.
import { useState } from 'react';
import { Alert, App, Button, Modal, Select, Space, Tag } from 'antd';
import { call, errorText } from '../../api/client';
import { useQuery } from '../../api/useQuery';

export function CaseTeamBar({ caseId, source, archived }: { caseId: number; source?: string; archived?: boolean }) {
  const { message } = App.useApp();
  const team = useQuery(() => call('cases.team', { caseId }), [caseId]);
  const [picking, setPicking] = useState(false);
  const [chosen, setChosen] = useState<number[]>([]);
  const inspectors = useQuery(() => (picking ? call('inspectors.list', { includeInactive: false }) : Promise.resolve([])), [picking]);

  const save = async () => {
    try {
      await call('cases.setTeam', { caseId, inspectorIds: chosen });
      setPicking(false);
      void message.success('已设置检查组');
      await team.reload();
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  // Until the team has loaded, say so: "none chosen yet" would be a false warning.
  if (team.data === undefined) {
    return <Alert className="section" type={team.error ? 'error' : 'info'} title={team.error ? `检查组读取失败：${team.error}` : '正在读取检查组…'} />;
  }
  const members = team.data;
  return (
    <>
      <Alert
        className="section"
        type={members.length > 0 ? 'info' : 'warning'}
        title={
          <Space wrap>
            <span>{source === 'random' ? '检查组（双随机抽取）：' : '检查组：'}</span>
            {members.length === 0 && <span>尚未从检查人员名录库选定（文书中的稽核人员及执法证号取自检查组）</span>}
            {members.map((i) => (
              <Tag key={i.id}>
                {i.name}（执法证号 {i.credential}）
              </Tag>
            ))}
            {!archived && (
              <Button
                size="small"
                onClick={() => {
                  setChosen(members.map((i) => i.id));
                  setPicking(true);
                }}
              >
                {members.length > 0 ? '更换检查组' : '选定检查组'}
              </Button>
            )}
          </Space>
        }
      />
      <Modal title="选定检查组" open={picking} okText="保存" cancelText="取消" okButtonProps={{ disabled: chosen.length < 2 }} onOk={() => void save()} onCancel={() => setPicking(false)} destroyOnHidden>
        <p>从检查人员名录库中选择至少 2 名持有执法证的检查人员；与被检查对象有回避关系的人员不能选入。</p>
        <Select
          mode="multiple"
          aria-label="检查人员"
          style={{ width: '100%' }}
          value={chosen}
          onChange={setChosen}
          loading={inspectors.loading}
          optionFilterProp="label"
          options={(inspectors.data ?? []).map((i) => ({ value: i.id, label: `${i.name}（${i.credential}）` }))}
        />
      </Modal>
    </>
  );
}
