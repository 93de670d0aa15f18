// The case's inspection team from the inspector directory (a drawn case gets it from the draw,
// DOMAIN.md §10.3 step 7); shows nothing for a case without a team.
import { Alert, Space, Tag } from 'antd';
import { call } from '../../api/client';
import { useQuery } from '../../api/useQuery';

export function CaseTeamBar({ caseId }: { caseId: number }) {
  const team = useQuery(() => call('cases.team', { caseId }), [caseId]);
  if (!team.data || team.data.length === 0) return null;
  return (
    <Alert
      className="section"
      type="info"
      title={
        <Space wrap>
          <span>检查组（双随机抽取）：</span>
          {team.data.map((i) => (
            <Tag key={i.id}>
              {i.name}（执法证号 {i.credential}）
            </Tag>
          ))}
        </Space>
      }
    />
  );
}
