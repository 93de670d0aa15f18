// The dashboard's reminder (seed 004 二（五）: report by the 3rd of the next month): shown from the
// 1st until last month's statistics are marked sent on the statistics page.
import { Alert, Button } from 'antd';
import { call } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { navigate } from '../../router';

export function StatsReminder() {
  const q = useQuery(() => call('statistics.reminder', {}), []);
  const d = q.data;
  if (!d) return null;
  return (
    <Alert
      style={{ marginBottom: 8 }}
      type={d.overdue ? 'error' : 'warning'}
      showIcon
      title={`${d.month} 医保基金监督检查情况统计表应于 ${d.due} 前报送${d.overdue ? '，已逾期' : ''}，尚未标记为已报送`}
      action={
        <Button size="small" onClick={() => navigate({ page: 'statistics' })}>
          查看统计报表
        </Button>
      }
    />
  );
}
